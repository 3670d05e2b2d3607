package org.onewindow.constructionpermit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.catalogue.model.CatalogueLookup;
import org.onewindow.kernel.catalogue.model.Matter;
import org.onewindow.testkit.CaseServiceClient;
import org.onewindow.testkit.CaseServiceClient.Reply;
import org.onewindow.testkit.CaseServiceTest;
import org.onewindow.testkit.EventSchemas;
import org.onewindow.testkit.MovableClock;
import org.onewindow.testkit.TestTokens;
import org.onewindow.testkit.WindowApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Construction projects through the service on a real PostgreSQL, Kafka broker and Camunda engine,
 * on a clock the test moves: ST's low-risk merged flow due on the 11th working day, FC's planning
 * permit paused for 公示 and 缴费, LC's joint completion acceptance and its event, the stage order,
 * bad project data refused with nothing stored, and who may see a project.
 */
@CaseServiceTest(
        database = "cp_project",
        properties = {
            "onewindow.departments.base-url=http://127.0.0.1:9",
            "onewindow.sla.scan-every=1h",
            "camunda.bpm.job-execution.wait-time-in-millis=200",
            "camunda.bpm.job-execution.max-wait=1000"
        })
@Import(MovableClock.class)
class ConstructionProjectTest {

    static final String DEVELOPER_USCC = "91110105MA01FC010D";
    static final ObjectMapper JSON = new ObjectMapper();
    static final AtomicInteger SEQUENCE = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    CatalogueLookup catalogue;

    @Autowired
    JdbcClient jdbc;

    CaseServiceClient client;

    @BeforeEach
    void client() {
        client = new CaseServiceClient(port, "construction-permit");
        MovableClock.set("2026-11-24T09:30"); // a Tuesday
    }

    static String newProjectCode() {
        return "2026-370402-47-03-%06d".formatted(SEQUENCE.incrementAndGet() + (int) (System.nanoTime() % 100000));
    }

    static String staff(String role, String jurisdiction, String department) {
        return TestTokens.staff(role, jurisdiction, department);
    }

    static String developer() {
        return TestTokens.issue("builder-co", List.of("applicant"), null, null, DEVELOPER_USCC);
    }

    /** An application for the matter with every material on paper and the project's data. */
    String application(String jurisdiction, String matterCode, Map<String, Object> data) {
        return application(jurisdiction, matterCode, data, List.of());
    }

    /** The same, without the {@code missing} materials (容缺). */
    String application(String jurisdiction, String matterCode, Map<String, Object> data, List<String> missing) {
        Matter matter =
                catalogue.matter(catalogue.inForce(jurisdiction, java.time.LocalDate.of(2026, 11, 24)), matterCode);
        List<String> materials = matter.materials().stream()
                .map(m -> m.code())
                .filter(code -> !missing.contains(code))
                .toList();
        return WindowApplication.onPaper(jurisdiction, matterCode, "示例建设有限公司", DEVELOPER_USCC, materials, data);
    }

    Map<String, Object> newProject(String code, String category, Object... more) {
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("projectCode", code);
        data.put("projectName", "示例项目 " + code);
        data.put("projectCategory", category);
        data.put("floorAreaM2", 3200);
        data.put("investmentCny10k", 1800);
        data.put("landParcel", "PARCEL-" + code.substring(code.length() - 6));
        for (int i = 0; i < more.length; i += 2) {
            data.put((String) more[i], more[i + 1]);
        }
        return data;
    }

    String accept(String jurisdiction, String matterCode, Map<String, Object> data) {
        Reply receipt = client.apply(
                staff("clerk", jurisdiction, "service-centre"), application(jurisdiction, matterCode, data));
        assertThat(receipt.status()).as(receipt.body().toString()).isEqualTo(201);
        return receipt.body().path("caseNumber").asText();
    }

    JsonNode task(String token, String caseNumber, String activity) {
        return await().atMost(Duration.ofSeconds(15))
                .until(() -> client.taskOf(token, caseNumber, activity).orElse(null), t -> t != null);
    }

    void decide(String token, String caseNumber, String activity, String decision) {
        JsonNode t = task(token, caseNumber, activity);
        Reply done =
                client.complete(token, t.path("id").asText(), "{\"decision\":\"" + decision + "\",\"comment\":\"意见\"}");
        assertThat(done.status()).as(done.body().toString()).isEqualTo(204);
    }

    void deliver(String jurisdiction, String caseNumber) {
        String window = staff("clerk", jurisdiction, "service-centre");
        JsonNode t = task(window, caseNumber, "deliver");
        assertThat(client.complete(window, t.path("id").asText(), "{\"channel\":\"WINDOW\"}")
                        .status())
                .isEqualTo(204);
    }

    JsonNode read(String caseNumber) {
        return client.read(staff("supervisor", caseNumber.substring(0, 2), "service-centre"), caseNumber)
                .body();
    }

    @Test
    void aLowRiskProjectRunsItsMergedFlowAndIsDueOnTheEleventhWorkingDay() {
        String project = newProjectCode();
        String cn = accept("ST", "CP-8a", newProject(project, "social-small-industrial-low-risk", "lowRisk", true));

        // accepted Tuesday 24 Nov 2026; 11 working days later is Wednesday 9 Dec (no holiday between)
        OffsetDateTime due = OffsetDateTime.parse(read(cn).path("dueAt").asText());
        assertThat(due.toLocalDate()).hasToString("2026-12-09");

        String lead = staff("approver", "ST", "housing-construction");
        decide(lead, cn, "joint-inspection", "APPROVED");
        decide(lead, cn, "review", "APPROVED");
        deliver("ST", cn);
        assertThat(read(cn).path("status").asText()).isEqualTo("DELIVERED");

        JsonNode view = client.call("GET", "/api/v1/construction-permit/projects/" + project, developer(), null, null)
                .body();
        assertThat(view.path("stage").asText()).isEqualTo("engineering-permission");
        assertThat(view.path("stages").get(1).path("cases").findValuesAsText("caseNumber"))
                .containsExactly(cn);
    }

    @Test
    void aPlanningPermitPausesForPublicNoticeAndFeesOnItsApprovalClockOnly() {
        String project = newProjectCode();
        MovableClock.set("2026-11-23T09:30"); // Monday
        String cn = accept("FC", "CP-2b", newProject(project, "gov-building"));
        OffsetDateTime due = OffsetDateTime.parse(read(cn).path("dueAt").asText());
        String planner = staff("approver", "FC", "planning");
        String path = "/api/v1/cases/" + cn;

        // 公示 from Monday 10:30 to Tuesday 10:30: one working day of office time
        MovableClock.set("2026-11-23T10:30");
        assertThat(client.call(
                                "POST",
                                path + "/suspension",
                                planner,
                                null,
                                "{\"reason\":\"PUBLIC_NOTICE\",\"note\":\"规划公示\"}")
                        .status())
                .isEqualTo(204);
        MovableClock.set("2026-11-24T10:30");
        assertThat(client.call("POST", path + "/resumption", planner, null, null)
                        .status())
                .isEqualTo(204);
        OffsetDateTime afterNotice = OffsetDateTime.parse(read(cn).path("dueAt").asText());
        assertThat(due).isEqualTo(OffsetDateTime.parse("2026-11-26T17:30+08:00")); // 3rd working day's close
        assertThat(afterNotice).isEqualTo(OffsetDateTime.parse("2026-11-27T17:30+08:00"));

        // 缴费 from Tuesday 14:00 to 15:00: one office hour
        MovableClock.set("2026-11-24T14:00");
        assertThat(client.call("POST", path + "/suspension", planner, null, "{\"reason\":\"FEE_PAYMENT\"}")
                        .status())
                .isEqualTo(204);
        MovableClock.set("2026-11-24T15:00");
        assertThat(client.call("POST", path + "/resumption", planner, null, null)
                        .status())
                .isEqualTo(204);
        // one office hour past Friday's close is Monday 10:00 (office hours 09:00-12:00, 13:30-17:30)
        assertThat(OffsetDateTime.parse(read(cn).path("dueAt").asText()))
                .isEqualTo(OffsetDateTime.parse("2026-11-30T10:00+08:00"));

        // a hearing is not among the periods FC's planning permit excludes
        Reply hearing = client.call("POST", path + "/suspension", planner, null, "{\"reason\":\"HEARING\"}");
        assertThat(hearing.status()).isEqualTo(409);
        assertThat(hearing.body().path("detailZh").asText()).isNotBlank();
        // FC publishes no whole-process number (D-FC-13): the case has no whole-process clock to move
        assertThat(read(cn).path("clocks").findValuesAsText("clock")).containsExactly("APPROVAL");
    }

    @Test
    void jointCompletionAcceptanceTellsPropertyRegistrationOnce() {
        Instant since = Instant.now().minusSeconds(5);
        String project = newProjectCode();
        String cn = accept(
                "LC",
                "CP-9",
                newProject(
                        project,
                        "social-building",
                        "acceptanceMode",
                        "COMPREHENSIVE",
                        "buildings",
                        List.of(Map.of("building", "1号楼", "units", 96), Map.of("building", "2号楼", "units", 88))));

        // the five checks run at once, each by its department
        for (String department :
                List.of("planning", "land", "fire-protection", "civil-air-defence", "urban-archives")) {
            decide(staff("approver", "LC", department), cn, "acceptance-check", "APPROVED");
        }
        decide(staff("approver", "LC", "housing-construction"), cn, "acceptance-opinion", "APPROVED");
        deliver("LC", cn);

        List<JsonNode> events = client.eventsOf(cn, since, 1, Duration.ofSeconds(20)).stream()
                .filter(e -> e.path("type").asText().equals("construction.completion-accepted"))
                .toList();
        assertThat(events).hasSize(1);
        JsonNode data = events.get(0).path("data");
        assertThat(data.path("projectCode").asText()).isEqualTo(project);
        assertThat(data.path("developerUscc").asText()).isEqualTo(DEVELOPER_USCC);
        assertThat(data.path("buildings").findValuesAsText("building")).containsExactly("1号楼", "2号楼");
        assertThat(data.path("acceptedOn").asText()).isEqualTo("2026-11-24");
        assertThat(EventSchemas.violations(events.get(0))).isEmpty();
        assertThat(read(cn).path("results").path("completionAcceptedOn").asText())
                .isEqualTo("2026-11-24");
    }

    @Test
    void aProjectTakesItsStagesInOrder() {
        String project = newProjectCode();
        String planning = accept("FC", "CP-1", newProject(project, "gov-building"));

        Reply skipped = client.apply(
                staff("clerk", "FC", "service-centre"), application("FC", "CP-7", Map.of("projectCode", project)));
        assertThat(skipped.status()).isEqualTo(409);
        assertThat(skipped.body().path("code").asText()).isEqualTo("project.stage-skipped");

        Reply early = client.apply(
                staff("clerk", "FC", "service-centre"), application("FC", "CP-3", Map.of("projectCode", project)));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body().path("detailZh").asText()).contains(planning);

        String planner = staff("approver", "FC", "planning");
        decide(planner, planning, "review", "APPROVED");
        String next = accept("FC", "CP-3", Map.of("projectCode", project));
        JsonNode view = client.call("GET", "/api/v1/construction-permit/projects/" + project, planner, null, null)
                .body();
        assertThat(view.path("stage").asText()).isEqualTo("engineering-permission");
        assertThat(view.path("stages").findValuesAsText("caseNumber")).containsExactly(planning, next);
    }

    @Test
    void badProjectDataIsRefusedAndNothingIsStored() {
        long cases = count("case_file");
        long projects = count("project");
        String clerk = staff("clerk", "FC", "service-centre");

        Reply unknown = client.apply(clerk, application("FC", "CP-1", newProject(newProjectCode(), "skyscraper")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.body().findValuesAsText("field")).containsExactly("data.projectCategory");
        assertThat(unknown.body().path("errors").get(0).path("zh").asText()).contains("项目类型");

        Reply negative = client.apply(
                clerk, application("FC", "CP-1", newProject(newProjectCode(), "gov-building", "floorAreaM2", -10)));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.body().findValuesAsText("field")).containsExactly("data.floorAreaM2");

        Reply noCode = client.apply(clerk, application("FC", "CP-1", Map.of("projectName", "无代码项目")));
        assertThat(noCode.status()).isEqualTo(400);
        assertThat(noCode.body().findValuesAsText("field")).containsExactly("data.projectCode");

        Reply unregistered = client.apply(clerk, application("FC", "CP-1", Map.of("projectCode", newProjectCode())));
        assertThat(unregistered.status()).isEqualTo(400);
        assertThat(unregistered.body().findValuesAsText("field"))
                .containsExactly("data.projectName", "data.projectCategory");

        assertThat(count("case_file")).isEqualTo(cases);
        assertThat(count("project")).isEqualTo(projects);
    }

    @Test
    void theDeveloperAndStaffOfTheJurisdictionSeeTheProjectNobodyElse() {
        String project = newProjectCode();
        accept("FC", "CP-1", newProject(project, "gov-building"));
        String path = "/api/v1/construction-permit/projects/" + project;

        assertThat(client.call("GET", path, developer(), null, null).status()).isEqualTo(200);
        assertThat(client.call("GET", path, staff("supervisor", "FC", "service-centre"), null, null)
                        .status())
                .isEqualTo(200);
        assertThat(client.call("GET", path, staff("supervisor", "LC", "service-centre"), null, null)
                        .status())
                .isEqualTo(404);
        String rival = TestTokens.issue("rival", List.of("applicant"), null, null, "91310115MA02LC022T");
        assertThat(client.call("GET", path, rival, null, null).status()).isEqualTo(404);
        assertThat(client.call("GET", "/api/v1/construction-permit/projects", developer(), null, null)
                        .body()
                        .findValuesAsText("projectCode"))
                .contains(project);
    }

    /** 联合申报 of FC's engineering stage: 建设工程规划许可 (CP-3) and 设计方案审查 (CP-4) with the shared materials once. */
    String jointApplication(Map<String, Object> data, List<String> materials) {
        ObjectNode body = JSON.createObjectNode().put("jurisdiction", "FC").put("channel", "WINDOW");
        body.putArray("matterCodes").add("CP-3").add("CP-4");
        body.putObject("applicant")
                .put("type", "ENTERPRISE")
                .put("name", "示例建设有限公司")
                .put("uscc", DEVELOPER_USCC);
        ArrayNode list = body.putArray("materials");
        materials.forEach(code -> list.addObject().put("code", code).put("form", "PAPER"));
        body.set("data", JSON.valueToTree(data));
        return body.toString();
    }

    Reply applyJointly(String body) {
        return client.call(
                "POST",
                "/api/v1/construction-permit/joint-applications",
                staff("clerk", "FC", "service-centre"),
                java.util.UUID.randomUUID().toString(),
                body);
    }

    @Test
    void aStagesMattersAppliedForTogetherGetOneCorrectionListThenOneCaseEach() {
        String project = newProjectCode();
        long cases = count("case_file");
        long projects = count("project");

        // 统一补正: the design scheme both need and the land title CP-3 needs, in one list
        Reply correction = applyJointly(jointApplication(
                newProject(project, "social-building"),
                List.of("application-form", "business-licence", "planning-conditions", "agent-authorisation")));
        assertThat(correction.status()).as(correction.body().toString()).isEqualTo(422);
        assertThat(correction.body().path("outcome").asText()).isEqualTo("RETURNED_FOR_CORRECTION");
        assertThat(correction.body().path("receipts")).isEmpty();
        assertThat(correction.body().path("missingMaterials").findValuesAsText("code"))
                .containsExactly("land-title", "design-scheme");
        JsonNode designScheme = correction.body().path("missingMaterials").get(1);
        assertThat(java.util.stream.StreamSupport.stream(
                                designScheme.path("matterCodes").spliterator(), false)
                        .map(JsonNode::asText)
                        .toList())
                .as("asked for once, for both matters")
                .containsExactly("CP-3", "CP-4");
        assertThat(count("case_file")).as("no case for either").isEqualTo(cases);
        assertThat(count("project")).isEqualTo(projects);

        Reply stray = applyJointly(jointApplication(
                newProject(project, "social-building"), List.of("application-form", "as-built-survey")));
        assertThat(stray.status()).isEqualTo(400);
        assertThat(stray.body().findValuesAsText("field")).containsExactly("materials[1].code");

        Reply accepted = applyJointly(jointApplication(
                newProject(project, "social-building"),
                List.of(
                        "application-form",
                        "land-title",
                        "design-scheme",
                        "business-licence",
                        "planning-conditions",
                        "agent-authorisation")));
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(201);
        List<String> opened = accepted.body().path("receipts").findValuesAsText("caseNumber");
        assertThat(accepted.body().path("receipts").findValuesAsText("matterCode"))
                .containsExactly("CP-3", "CP-4");
        assertThat(opened).hasSize(2).doesNotHaveDuplicates();
        JsonNode view = client.call(
                        "GET",
                        "/api/v1/construction-permit/projects/" + project,
                        staff("approver", "FC", "planning"),
                        null,
                        null)
                .body();
        assertThat(view.path("stage").asText()).isEqualTo("engineering-permission");
        assertThat(view.path("stages").findValuesAsText("caseNumber")).containsExactlyElementsOf(opened);
        assertThat(client.call("GET", "/api/v1/cases/" + opened.get(1), staff("approver", "FC", "planning"), null, null)
                        .body()
                        .path("materials")
                        .findValuesAsText("code"))
                .as("each case keeps the shared materials its matter lists")
                .containsExactlyInAnyOrder(
                        "application-form", "design-scheme", "planning-conditions", "agent-authorisation");
    }

    @Test
    void aSimulatedApprovalTurnsFormalTheMomentTheLandContractIsIn() {
        String clerk = staff("clerk", "QX", "service-centre");
        Reply receipt = client.apply(
                clerk,
                application(
                        "QX",
                        "CP-19",
                        newProject(newProjectCode(), "social-industrial-linear"),
                        List.of("land-contract")));
        assertThat(receipt.status()).as(receipt.body().toString()).isEqualTo(201);
        assertThat(receipt.body().path("outcome").asText()).isEqualTo("ACCEPTED_WITH_DEFICIENCY");
        String cn = receipt.body().path("caseNumber").asText();

        decide(staff("approver", "QX", "housing-construction"), cn, "simulated-review", "APPROVED");
        JsonNode simulated = read(cn);
        assertThat(simulated.path("status").asText())
                .as("simulated, not yet formal")
                .isEqualTo("IN_PROGRESS");
        assertThat(simulated.path("results").path("simulatedApprovalOn").asText())
                .isEqualTo("2026-11-24");

        MovableClock.set("2027-02-02T10:00"); // the land contract is signed months later
        Reply handedIn = client.call(
                "POST",
                "/api/v1/cases/" + cn + "/supplements",
                clerk,
                null,
                "{\"materials\":[{\"code\":\"land-contract\",\"form\":\"PAPER\"}]}");
        assertThat(handedIn.status())
                .as(handedIn.body() == null ? "" : handedIn.body().toString())
                .isEqualTo(204);
        JsonNode formal = read(cn);
        assertThat(formal.path("status").asText()).as("即时转为正式审批").isEqualTo("APPROVED");
        assertThat(jdbc.sql("SELECT count(*) FROM case_clock WHERE case_number = ? AND clock LIKE '%formal-conversion'"
                                + " AND NOT running AND level = 'GREEN'")
                        .param(cn)
                        .query(Long.class)
                        .single())
                .as("the immediate step's clock ran from the formalities to the decision, in time")
                .isEqualTo(1);
        deliver("QX", cn);
        assertThat(read(cn).path("status").asText()).isEqualTo("DELIVERED");
    }

    @Test
    void stagedConstructionPermitsAreOnePerSectionWhereTheJurisdictionAllowsThem() {
        String project = newProjectCode();
        String foundation =
                accept("ST", "CP-7", newProject(project, "social-building", "constructionSection", "foundation"));
        long cases = count("case_file");

        Reply again = client.apply(
                staff("clerk", "ST", "service-centre"),
                application("ST", "CP-7", newProject(project, "social-building", "constructionSection", "foundation")));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("code").asText()).isEqualTo("project.section-held");
        assertThat(again.body().path("detailZh").asText()).contains(foundation, "基础工程");

        Reply whole = client.apply(
                staff("clerk", "ST", "service-centre"),
                application("ST", "CP-7", newProject(project, "social-building")));
        assertThat(whole.status()).isEqualTo(409);
        assertThat(whole.body().path("code").asText()).isEqualTo("project.permit-held");
        assertThat(count("case_file")).as("nothing stored for a duplicate").isEqualTo(cases);

        // the project's area and investment are known: CP-7's thresholds read them from the project
        String superstructure =
                accept("ST", "CP-7", Map.of("projectCode", project, "constructionSection", "superstructure"));
        JsonNode view = client.call(
                        "GET",
                        "/api/v1/construction-permit/projects/" + project,
                        staff("approver", "ST", "housing-construction"),
                        null,
                        null)
                .body();
        assertThat(view.path("stages").findValues("cases").stream()
                        .flatMap(c -> java.util.stream.StreamSupport.stream(c.spliterator(), false))
                        .map(c -> c.path("caseNumber").asText() + ":"
                                + c.path("section").asText())
                        .toList())
                .containsExactly(foundation + ":foundation", superstructure + ":superstructure");

        Reply notHere = client.apply(
                staff("clerk", "FC", "service-centre"),
                application(
                        "FC",
                        "CP-7",
                        newProject(newProjectCode(), "social-building", "constructionSection", "foundation")));
        assertThat(notHere.status()).isEqualTo(400);
        assertThat(notHere.body().findValuesAsText("field")).containsExactly("data.constructionSection");
    }

    @Test
    void aRealEstateProjectIsFiledWithAFacilityHandoverOwedAndTheCaseWaitsForItsProof() {
        String cn;
        Reply receipt = client.apply(
                staff("clerk", "ST", "service-centre"),
                application(
                        "ST",
                        "CP-11",
                        newProject(newProjectCode(), "social-building", "acceptanceMode", "COMPREHENSIVE"),
                        List.of("facility-handover")));
        assertThat(receipt.status()).as(receipt.body().toString()).isEqualTo(201);
        assertThat(receipt.body().path("outcome").asText()).isEqualTo("ACCEPTED_WITH_DEFICIENCY");
        cn = receipt.body().path("caseNumber").asText();

        for (String department :
                List.of("planning", "fire-protection", "education", "civil-affairs", "health", "subdistrict")) {
            decide(staff("approver", "ST", department), cn, "acceptance-check", "APPROVED");
        }
        decide(staff("approver", "ST", "housing-construction"), cn, "acceptance-opinion", "APPROVED");
        deliver("ST", cn);
        assertThat(read(cn).path("status").asText())
                .as("备案 with the agreement signed")
                .isEqualTo("DELIVERED");
        assertThat(running(cn)).as("waits for the handover").isTrue();

        Reply handedIn = client.call(
                "POST",
                "/api/v1/cases/" + cn + "/supplements",
                staff("clerk", "ST", "service-centre"),
                null,
                "{\"materials\":[{\"code\":\"facility-handover\",\"form\":\"PAPER\"}]}");
        assertThat(handedIn.status()).isEqualTo(204);
        assertThat(running(cn)).as("配套设施已移交: the case's process ends").isFalse();
    }

    private boolean running(String caseNumber) {
        return jdbc.sql("SELECT count(*) FROM act_ru_execution WHERE business_key_ = ?")
                        .param(caseNumber)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
