package org.onewindow.runtime.casefile;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.onewindow.kernel.acceptance.model.MaterialForm;
import org.onewindow.kernel.application.model.Application;
import org.onewindow.kernel.application.model.Channel;
import org.onewindow.kernel.clock.model.CaseClock;
import org.onewindow.kernel.clock.model.ClockKind;
import org.onewindow.kernel.clock.model.PauseReason;
import org.onewindow.kernel.events.infrastructure.CaseJournal;
import org.onewindow.kernel.problem.model.FieldViolation;
import org.onewindow.kernel.problem.model.Rejection;
import org.onewindow.kernel.security.model.AccessPolicy;
import org.onewindow.kernel.security.model.Caller;
import org.onewindow.kernel.security.model.Role;
import org.onewindow.runtime.casefile.model.CaseFile;
import org.onewindow.runtime.casefile.model.CaseFiles;
import org.onewindow.runtime.clock.ClockKeeper;
import org.onewindow.runtime.workflow.model.CaseWorkflow;

/**
 * What people do to a case outside its tasks: the applicant (or the window for a walk-in) hands in
 * owed materials, withdraws, rates; staff suspend and resume the clock or extend it (延期); anyone
 * signed in may object during a 公告. Call each inside one transaction.
 */
public class CaseActions {

    /** The message a model waiting for 容缺 materials hears when the last of them is in. */
    public static final String MATERIALS_COMPLETE = "materials-complete";

    private final CaseFiles cases;
    private final CaseWorkflow workflow;
    private final CaseJournal journal;
    private final ClockKeeper clocks;
    private final AccessPolicy access;
    private final Clock clock;

    public CaseActions(
            CaseFiles cases,
            CaseWorkflow workflow,
            CaseJournal journal,
            ClockKeeper clocks,
            AccessPolicy access,
            Clock clock) {
        this.cases = cases;
        this.workflow = workflow;
        this.journal = journal;
        this.clocks = clocks;
        this.access = access;
        this.clock = clock;
    }

    public record Rating(Integer score, String comment) {}

    public record Withdrawal(String reason) {}

    /** Materials handed in after 容缺受理. */
    public record Supplement(List<Application.Material> materials) {}

    /**
     * 补齐: the applicant (or the window for a walk-in) hands in owed materials. Each must be one that
     * is owed and carry its reference; when the last is in and the clock waits for the applicant, it
     * runs again.
     */
    public void supplement(Caller caller, CaseFile file, Supplement supplement) {
        actFor(caller, file);
        file.requireSupplementable();
        List<Application.Material> given =
                supplement == null || supplement.materials() == null ? List.of() : supplement.materials();
        List<String> owed = cases.owed(file.caseNumber());
        List<FieldViolation> problems = new ArrayList<>();
        if (given.isEmpty()) {
            problems.add(
                    FieldViolation.of("materials", "materials.missing", "请提交所欠材料", "list the materials handed in"));
        }
        for (int i = 0; i < given.size(); i++) {
            Application.Material m = given.get(i);
            String field = "materials[" + i + "]";
            if (m == null || m.code() == null || !owed.contains(m.code())) {
                problems.add(FieldViolation.of(
                        field + ".code",
                        "material.not-owed",
                        "该材料不在欠缺清单中；欠缺：" + owed,
                        "not an owed material; owed: " + owed));
            } else if (m.form() == null
                    || m.form() == MaterialForm.SHARED
                    || (m.form() != MaterialForm.PAPER
                            && (m.reference() == null || m.reference().isBlank()))) {
                problems.add(FieldViolation.of(
                        field + ".reference",
                        "material.reference-missing",
                        "请注明材料形式，上传件或电子证照须填写编号",
                        "give the form, and the reference of an upload or e-licence"));
            }
        }
        if (!problems.isEmpty()) {
            throw Rejection.invalid(problems.toArray(FieldViolation[]::new));
        }
        List<String> codes = given.stream().map(Application.Material::code).toList();
        cases.supplied(file.caseNumber(), codes);
        journal.record(
                caller,
                "case.supplement",
                file.caseNumber(),
                file.jurisdiction(),
                null,
                "case.step-completed",
                Map.of("step", "supplement", "outcome", String.join(",", codes), "completedBy", caller.username()));
        if (cases.owed(file.caseNumber()).isEmpty()) {
            if (clocks.resume(file.caseNumber(), PauseReason.APPLICANT_SUPPLEMENT, clock.instant())) {
                journal.recordBySystem(
                        "case.resume",
                        file.caseNumber(),
                        file.jurisdiction(),
                        "case.resumed",
                        clocks.dueData(file.caseNumber(), file.jurisdiction(), clock.instant()));
            }
            // a model that waits for them (模拟审批 turning formal, 配套设施移交) goes on; most do not wait
            workflow.deliver(file.caseNumber(), MATERIALS_COMPLETE, Map.of("materialsComplete", true));
        }
    }

    /** An objection to a 简易注销 during its notice: who objects and why. */
    public record Objection(String objector, String reason) {}

    /**
     * 异议: anyone with a login (a creditor, an employee) may object while the notice runs; the
     * registration office then decides on it. Outside the notice there is nothing to object to.
     */
    public void object(Caller caller, CaseFile file, Objection objection) {
        if (objection == null
                || objection.reason() == null
                || objection.reason().isBlank()) {
            throw Rejection.invalid(
                    FieldViolation.of("reason", "reason.missing", "请写明异议理由", "give the grounds of the objection"));
        }
        String objector = objection.objector() == null ? caller.username() : objection.objector();
        if (!workflow.deliver(
                file.caseNumber(),
                "objection-raised",
                Map.of("objector", objector, "objectionReason", objection.reason()))) {
            throw Rejection.conflict("case.not-in-notice", "该办件不在公告期内，不能提出异议", "the case is not in its notice period");
        }
        journal.record(
                caller,
                "case.object",
                file.caseNumber(),
                file.jurisdiction(),
                objection.reason(),
                null,
                Map.of("objector", objector));
    }

    /** Why the clock stops (a PauseReason) and, for the applicant, what is awaited. */
    public record Suspension(String reason, String note) {}

    /** 暂停计时: staff of the case's jurisdiction suspend it, for a reason its limits exclude. */
    public void suspend(Caller caller, CaseFile file, Suspension suspension) {
        if (!caller.isStaff() || !access.sameJurisdiction(caller, file.jurisdiction())) {
            throw Rejection.forbidden("只有本辖区工作人员可以暂停计时", "only staff of the case's jurisdiction may suspend it");
        }
        PauseReason reason = pauseReason(suspension == null ? null : suspension.reason());
        if (file.status().decided()) {
            throw Rejection.conflict("case.decided", "已作出决定的办件不能暂停计时", "a decided case cannot be suspended");
        }
        if (clocks.pause(file.caseNumber(), reason, clock.instant()) == 0) {
            throw Rejection.conflict("case.no-clock", "该办件没有正在计时的时限，无需暂停", "the case has no running clock to suspend");
        }
        journal.record(
                caller,
                "case.suspend",
                file.caseNumber(),
                file.jurisdiction(),
                suspension.note(),
                "case.suspended",
                Map.of("reason", reason.name()));
    }

    /**
     * 恢复计时: staff of the jurisdiction end a suspension; the applicant ends only one that waits for
     * them (补正), never a 公示, a fee payment or a hearing the office runs.
     */
    public void resume(Caller caller, CaseFile file) {
        boolean staff = caller.isStaff() && access.sameJurisdiction(caller, file.jurisdiction());
        boolean owner = caller.has(Role.APPLICANT) && access.ownCase(caller, file.scope());
        if (!staff && !owner) {
            throw Rejection.forbidden("只有申请人或本辖区工作人员可以恢复计时", "only the applicant or staff may resume it");
        }
        List<CaseClock.Pause> pauses = clocks.openPauses(file.caseNumber());
        if (pauses.isEmpty()) {
            throw Rejection.conflict("case.not-suspended", "该办件未暂停计时", "the case is not suspended");
        }
        PauseReason only = staff ? null : PauseReason.APPLICANT_SUPPLEMENT;
        if (only != null && pauses.stream().noneMatch(p -> p.reason() == only)) {
            throw Rejection.forbidden(
                    "该暂停（" + pauses.get(0).reason() + "）由办理部门结束，申请人只能结束等待补正的暂停",
                    "only the office ends a " + pauses.get(0).reason() + " suspension");
        }
        clocks.resume(file.caseNumber(), only, clock.instant());
        journal.record(
                caller,
                "case.resume",
                file.caseNumber(),
                file.jurisdiction(),
                null,
                "case.resumed",
                clocks.dueData(file.caseNumber(), file.jurisdiction(), clock.instant()));
    }

    /** How much longer, in the limit's own unit, why, and on whose authority (延期). */
    public record Extension(java.math.BigDecimal amount, String reason, String authorisedBy, String step) {}

    /**
     * 延期: staff of the jurisdiction extend the approval clock, within the catalogue's ceiling, with
     * a reason and who authorised it; the due date moves and everyone sees why.
     */
    public void extend(Caller caller, CaseFile file, Extension extension) {
        if (!caller.isStaff() || !access.sameJurisdiction(caller, file.jurisdiction())) {
            throw Rejection.forbidden("只有本辖区工作人员可以延期", "only staff of the case's jurisdiction may extend it");
        }
        List<FieldViolation> problems = new ArrayList<>();
        if (extension == null
                || extension.amount() == null
                || extension.amount().signum() <= 0) {
            problems.add(FieldViolation.of(
                    "amount", "amount.invalid", "延期时长须大于 0（按时限的计量单位）", "the amount must be positive"));
        }
        if (extension == null
                || extension.reason() == null
                || extension.reason().isBlank()) {
            problems.add(FieldViolation.of("reason", "reason.missing", "请写明延期理由", "give the reason for the extension"));
        }
        if (extension == null
                || extension.authorisedBy() == null
                || extension.authorisedBy().isBlank()) {
            problems.add(FieldViolation.of(
                    "authorisedBy", "authorised-by.missing", "请写明批准延期的负责人", "name who authorised the extension"));
        }
        if (!problems.isEmpty()) {
            throw Rejection.invalid(problems.toArray(FieldViolation[]::new));
        }
        if (file.status().decided()) {
            throw Rejection.conflict("case.decided", "已作出决定的办件不能延期", "a decided case cannot be extended");
        }
        String clockName = extension.step() == null || extension.step().isBlank()
                ? ClockKind.APPROVAL.name()
                : "STEP:" + extension.step();
        CaseClock extended = clocks.extend(
                file.caseNumber(),
                clockName,
                extension.amount(),
                extension.reason(),
                extension.authorisedBy(),
                clock.instant());
        journal.record(
                caller,
                "case.extend",
                file.caseNumber(),
                file.jurisdiction(),
                extension.reason(),
                "case.extended",
                extendedData(file, clockName, extension, extended));
    }

    private static PauseReason pauseReason(String reason) {
        try {
            return PauseReason.valueOf(reason);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw Rejection.invalid(FieldViolation.of(
                    "reason",
                    "reason.unknown",
                    "暂停原因应为以下之一：" + Arrays.toString(PauseReason.values()),
                    "reason must be one of " + Arrays.toString(PauseReason.values())));
        }
    }

    /** 好差评, once per case (一事一评), after delivery. */
    public void rate(Caller caller, CaseFile file, Rating rating) {
        actFor(caller, file);
        if (rating == null || rating.score() == null || rating.score() < 1 || rating.score() > 5) {
            throw Rejection.invalid(FieldViolation.of(
                    "score", "score.invalid", "评价分值为 1 到 5", "the score is a whole number from 1 to 5"));
        }
        if (rating.comment() != null && rating.comment().length() > 500) {
            throw Rejection.invalid(FieldViolation.of(
                    "comment", "comment.too-long", "评价内容不超过 500 字", "a comment has at most 500 characters"));
        }
        if (!cases.rated(file.caseNumber(), rating.score(), rating.comment(), clock.instant())) {
            throw Rejection.conflict("rating.not-open", "办件出件后方可评价，且每件只评一次", "a case is rated once, after delivery");
        }
        journal.record(
                caller,
                "case.rate",
                file.caseNumber(),
                file.jurisdiction(),
                null,
                "case.rated",
                Map.of("score", rating.score(), "comment", rating.comment() == null ? "" : rating.comment()));
    }

    /** 撤回: the applicant withdraws before the decision; the process ends, nothing is deleted. */
    public void withdraw(Caller caller, CaseFile file, Withdrawal withdrawal) {
        actFor(caller, file);
        String reason = withdrawal == null
                        || withdrawal.reason() == null
                        || withdrawal.reason().isBlank()
                ? null
                : withdrawal.reason();
        if (reason == null) {
            throw Rejection.invalid(
                    FieldViolation.of("reason", "reason.missing", "请写明撤回理由", "give the reason for withdrawing"));
        }
        if (!cases.transition(file, file.withdraw())) {
            throw Rejection.conflict("case.decided", "已作出决定的办件不能撤回", "a decided case cannot be withdrawn");
        }
        workflow.cancel(file.caseNumber(), "withdrawn: " + reason);
        clocks.stop(file.caseNumber(), EnumSet.allOf(ClockKind.class), clock.instant());
        journal.record(
                caller,
                "case.withdraw",
                file.caseNumber(),
                file.jurisdiction(),
                reason,
                "case.withdrawn",
                Map.of("reason", reason));
    }

    /** The applicant themselves, or a clerk of the jurisdiction for a case taken in at a staffed channel. */
    private void actFor(Caller caller, CaseFile file) {
        boolean owner = caller.has(Role.APPLICANT) && access.ownCase(caller, file.scope());
        boolean window = caller.has(Role.CLERK)
                && file.channel() != Channel.ONLINE
                && access.sameJurisdiction(caller, file.jurisdiction());
        if (!owner && !window) {
            throw Rejection.forbidden("只有申请人本人或受理窗口可以办理", "only the applicant or the accepting window may do this");
        }
    }

    private Map<String, Object> extendedData(CaseFile file, String clockName, Extension extension, CaseClock extended) {
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("clock", clockName);
        data.put("amount", extension.amount().toPlainString());
        data.put("unit", extended.limit().unit().name());
        data.put("authorisedBy", extension.authorisedBy());
        data.putAll(clocks.dueData(file.caseNumber(), file.jurisdiction(), clock.instant()));
        return data;
    }
}
