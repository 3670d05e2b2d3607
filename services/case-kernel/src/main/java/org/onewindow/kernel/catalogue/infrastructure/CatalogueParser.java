package org.onewindow.kernel.catalogue.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.onewindow.kernel.catalogue.model.CatalogueVersion;
import org.onewindow.kernel.catalogue.model.Component;
import org.onewindow.kernel.catalogue.model.Condition;
import org.onewindow.kernel.catalogue.model.ConditionInput;
import org.onewindow.kernel.catalogue.model.Decision;
import org.onewindow.kernel.catalogue.model.DeliveryChannel;
import org.onewindow.kernel.catalogue.model.ELicenceType;
import org.onewindow.kernel.catalogue.model.Fee;
import org.onewindow.kernel.catalogue.model.Jurisdiction;
import org.onewindow.kernel.catalogue.model.LimitBasis;
import org.onewindow.kernel.catalogue.model.Material;
import org.onewindow.kernel.catalogue.model.Matter;
import org.onewindow.kernel.catalogue.model.MatterLimit;
import org.onewindow.kernel.catalogue.model.OwningService;
import org.onewindow.kernel.clock.model.ClockKind;
import org.onewindow.kernel.clock.model.LimitUnit;
import org.onewindow.kernel.clock.model.OfficeHours;
import org.onewindow.kernel.clock.model.PauseReason;
import org.onewindow.kernel.clock.model.TimeLimit;
import org.onewindow.kernel.text.LocalizedText;

/**
 * Reads one jurisdiction version (its {@code jurisdiction.yaml} and one file per service) into the
 * domain model, collecting every defect with file, matter and field instead of stopping at the
 * first.
 */
final class CatalogueParser {

    static final Pattern MATTER_CODE = Pattern.compile("^(EO|CP|PR|UT|SV)-[A-Z]?[0-9]*[a-z]?$");
    private static final Pattern KEBAB = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final Pattern JURISDICTION = Pattern.compile("^[A-Z]{2}$");

    private static final Set<String> HEADER_FIELDS = Set.of(
            "jurisdiction",
            "version",
            "effectiveFrom",
            "name",
            "parent",
            "sources",
            "officeHours",
            "warningThreshold",
            "supplementDeadline",
            "decisions");
    private static final Set<String> SERVICE_FILE_FIELDS = Set.of("service", "matters");
    private static final Set<String> MATTER_FIELDS = Set.of(
            "code",
            "name",
            "processKey",
            "stage",
            "effectiveFrom",
            "source",
            "summary",
            "limits",
            "materials",
            "conditions",
            "inputs",
            "fees",
            "components",
            "deliveryChannels",
            "coordinated",
            "openedByPlatform",
            "decisions");
    private static final Set<String> LIMIT_FIELDS =
            Set.of("clock", "step", "basis", "amount", "unit", "pausesFor", "extendableTo", "source", "decision");
    private static final Set<String> MATERIAL_FIELDS =
            Set.of("code", "name", "core", "commitmentAllowed", "eLicence", "decision");
    private static final Set<String> CONDITION_FIELDS = Set.of("input", "op", "unit", "value", "values", "notRequired");
    private static final Set<String> FEE_FIELDS = Set.of("item", "amount", "waived", "paidBy", "source");
    private static final Set<String> COMPONENT_FIELDS = Set.of("id", "name", "parallel");
    private static final Set<String> DECISION_FIELDS = Set.of("id", "ambiguity", "field", "decision");
    private static final Set<String> AMOUNT_FIELDS = Set.of("amount", "unit");
    private static final Set<String> SESSION_FIELDS = Set.of("from", "to");

    private final List<CatalogueDefect> defects = new ArrayList<>();
    private final Set<String> decisionIds = new HashSet<>();
    private String file;
    private String matter;

    List<CatalogueDefect> defects() {
        return defects;
    }

    /** Parses a version from its jurisdiction file and service files; null if the header is broken. */
    CatalogueVersion parse(String jurisdictionFile, JsonNode header, Map<String, JsonNode> serviceFiles) {
        Jurisdiction jurisdiction = jurisdiction(jurisdictionFile, header);
        if (jurisdiction == null) {
            return null;
        }
        Map<String, Matter> matters = new LinkedHashMap<>();
        jurisdiction.decisions().forEach(d -> decisionIds.add(d.id()));
        serviceFiles.forEach((name, root) -> {
            file = name;
            matter = null;
            knownFields(root, null, SERVICE_FILE_FIELDS);
            String serviceId = text(root, "service", true);
            Optional<OwningService> service = serviceId == null ? Optional.empty() : OwningService.byId(serviceId);
            if (serviceId != null && service.isEmpty()) {
                defect("service", "unknown service '" + serviceId + "'");
            }
            if (serviceId != null && !name.endsWith("/" + serviceId + ".yaml")) {
                defect("service", "file name must be " + serviceId + ".yaml");
            }
            JsonNode list = root.path("matters");
            if (!list.isArray() || list.isEmpty()) {
                defect("matters", "must be a non-empty list");
                return;
            }
            for (JsonNode node : list) {
                matter = node.path("code").asText(null);
                Matter m = service.map(s -> matter(node, s, jurisdiction)).orElse(null);
                if (m == null) {
                    continue;
                }
                if (matters.putIfAbsent(m.code(), m) != null) {
                    defect("code", "duplicate matter code in jurisdiction " + jurisdiction.code());
                }
                if (!m.code().startsWith(m.service().code() + "-")) {
                    defect(
                            "code",
                            "matter code must start with " + m.service().code() + "- in "
                                    + m.service().id());
                }
            }
        });
        return new CatalogueVersion(jurisdiction, matters);
    }

    private Jurisdiction jurisdiction(String name, JsonNode root) {
        file = name;
        matter = null;
        int before = defects.size();
        knownFields(root, null, HEADER_FIELDS);
        String code = text(root, "jurisdiction", true);
        if (code != null && !JURISDICTION.matcher(code).matches()) {
            defect("jurisdiction", "must be two capital letters, was '" + code + "'");
        }
        String version = text(root, "version", true);
        LocalDate effectiveFrom = date(root, "effectiveFrom", true);
        LocalizedText title = localized(root, "name", true);
        LocalizedText parent = localized(root, "parent", false);
        List<String> sources = strings(root, "sources");
        OfficeHours hours = officeHours(root.path("officeHours"));
        BigDecimal warning = decimal(root, "warningThreshold", false);
        if (warning == null) {
            defect("warningThreshold", "is required");
        } else if (warning.signum() <= 0 || warning.compareTo(BigDecimal.ONE) > 0) {
            defect("warningThreshold", "must be in (0, 1], was " + warning);
        }
        knownFields(root.path("supplementDeadline"), "supplementDeadline", AMOUNT_FIELDS);
        TimeLimit supplement = timeLimit(root.path("supplementDeadline"), "supplementDeadline", true);
        List<Decision> decisions = decisions(root.path("decisions"));
        if (defects.size() > before) {
            return null;
        }
        return new Jurisdiction(
                code, version, effectiveFrom, title, parent, sources, hours, warning, supplement, decisions);
    }

    private Matter matter(JsonNode node, OwningService service, Jurisdiction jurisdiction) {
        int before = defects.size();
        knownFields(node, null, MATTER_FIELDS);
        String code = text(node, "code", true);
        if (code != null && !MATTER_CODE.matcher(code).matches()) {
            defect("code", "must look like EO-1, CP-2a or UT-E1, was '" + code + "'");
        }
        LocalizedText name = localized(node, "name", true);
        String processKey = text(node, "processKey", true);
        if (processKey != null && !KEBAB.matcher(processKey).matches()) {
            defect("processKey", "must be kebab-case, was '" + processKey + "'");
        }
        String stage = text(node, "stage", false);
        if (stage != null && !KEBAB.matcher(stage).matches()) {
            defect("stage", "must be kebab-case, was '" + stage + "'");
        }
        LocalDate effectiveFrom = date(node, "effectiveFrom", false);
        String source = text(node, "source", true);
        LocalizedText summary = localized(node, "summary", false);
        List<MatterLimit> limits = list(node, "limits", this::limit);
        if (limits.stream().noneMatch(l -> l.clock() == ClockKind.APPROVAL)) {
            defect("limits", "needs an APPROVAL limit (unit NOT_STATED when the seeds give none)");
        }
        List<Material> materials = list(node, "materials", this::material);
        Set<String> materialCodes = new HashSet<>();
        materials.forEach(m -> {
            if (!materialCodes.add(m.code())) {
                defect("materials", "duplicate material code '" + m.code() + "'");
            }
        });
        List<Condition> conditions = list(node, "conditions", this::condition);
        List<ConditionInput> inputs = new ArrayList<>();
        for (String key : strings(node, "inputs")) {
            ConditionInput.byKey(key)
                    .ifPresentOrElse(inputs::add, () -> defect("inputs", "unknown input '" + key + "'"));
        }
        List<Fee> fees = list(node, "fees", this::fee);
        List<Component> components = list(node, "components", this::component);
        List<DeliveryChannel> channels = new ArrayList<>();
        for (String channel : strings(node, "deliveryChannels")) {
            enumValue(DeliveryChannel.class, channel, "deliveryChannels").ifPresent(channels::add);
        }
        List<String> decisions = strings(node, "decisions");
        decisions.forEach(id -> decisionReference(id, "decisions"));
        if (node.has("coordinated") && !node.path("coordinated").isBoolean()) {
            defect("coordinated", "must be true or false");
        }
        boolean coordinated = node.path("coordinated").asBoolean(true);
        if (node.has("openedByPlatform") && !node.path("openedByPlatform").isBoolean()) {
            defect("openedByPlatform", "must be true or false");
        }
        boolean openedByPlatform = node.path("openedByPlatform").asBoolean(false);
        if (defects.size() > before) {
            return null;
        }
        return new Matter(
                code,
                name,
                service,
                processKey,
                stage,
                effectiveFrom == null ? jurisdiction.effectiveFrom() : effectiveFrom,
                source,
                summary,
                limits,
                materials,
                conditions,
                inputs,
                fees,
                components,
                channels,
                coordinated,
                openedByPlatform,
                decisions);
    }

    private MatterLimit limit(JsonNode node, String field) {
        knownFields(node, field, LIMIT_FIELDS);
        Optional<ClockKind> clock = enumValue(ClockKind.class, text(node, "clock", true, field), field + ".clock");
        String step = node.path("step").asText(null);
        if (clock.isPresent() && (clock.get() == ClockKind.STEP) != (step != null)) {
            defect(field + ".step", "a STEP limit, and only a STEP limit, names its step");
        }
        Optional<LimitBasis> basis = enumValue(LimitBasis.class, text(node, "basis", true, field), field + ".basis");
        String unit = text(node, "unit", true, field);
        Optional<TimeLimit> limit =
                "NOT_STATED".equals(unit) ? Optional.empty() : Optional.ofNullable(timeLimit(node, field, true));
        Set<PauseReason> pauses = EnumSet.noneOf(PauseReason.class);
        for (String reason : strings(node, "pausesFor")) {
            enumValue(PauseReason.class, reason, field + ".pausesFor").ifPresent(pauses::add);
        }
        if (clock.orElse(null) == ClockKind.WHOLE_PROCESS && !pauses.isEmpty()) {
            defect(field + ".pausesFor", "the whole-process clock never pauses");
        }
        if (clock.orElse(null) == ClockKind.WHOLE_PROCESS && node.has("extendableTo")) {
            defect(field + ".extendableTo", "the whole-process clock is never extended");
        }
        if (node.has("extendableTo")) {
            knownFields(node.path("extendableTo"), field + ".extendableTo", AMOUNT_FIELDS);
        }
        Optional<TimeLimit> ceiling = node.has("extendableTo")
                ? Optional.ofNullable(timeLimit(node.path("extendableTo"), field + ".extendableTo", true))
                : Optional.empty();
        if (ceiling.isPresent() && limit.isPresent()) {
            if (ceiling.get().unit() != limit.get().unit()) {
                defect(
                        field + ".extendableTo",
                        "must be in the limit's unit " + limit.get().unit());
            } else if (ceiling.get().compareTo(limit.get()) < 0) {
                defect(field + ".extendableTo", "must not be shorter than the limit");
            }
        }
        String source = text(node, "source", true, field);
        String decision = node.path("decision").asText(null);
        decisionReference(decision, field + ".decision");
        if (clock.isEmpty() || basis.isEmpty()) {
            return null;
        }
        return new MatterLimit(clock.get(), step, basis.get(), limit, pauses, ceiling, source, decision);
    }

    private Material material(JsonNode node, String field) {
        knownFields(node, field, MATERIAL_FIELDS);
        decisionReference(node.path("decision").asText(null), field + ".decision");
        String code = text(node, "code", true, field);
        if (code != null && !KEBAB.matcher(code).matches()) {
            defect(field + ".code", "must be kebab-case, was '" + code + "'");
        }
        LocalizedText name = localized(node, "name", true, field);
        Optional<ELicenceType> eLicence = node.hasNonNull("eLicence")
                ? enumValue(ELicenceType.class, node.get("eLicence").asText(), field + ".eLicence")
                : Optional.empty();
        if (!node.path("core").isBoolean()) {
            defect(field + ".core", "must be true or false");
        }
        return code == null || name == null
                ? null
                : new Material(
                        code,
                        name,
                        node.path("core").asBoolean(),
                        node.path("commitmentAllowed").asBoolean(false),
                        eLicence);
    }

    private Condition condition(JsonNode node, String field) {
        knownFields(node, field, CONDITION_FIELDS);
        if (node.has("value") && node.has("values")) {
            defect(field + ".values", "give either value or values, not both");
        }
        String key = text(node, "input", true, field);
        Optional<ConditionInput> input = key == null ? Optional.empty() : ConditionInput.byKey(key);
        if (key != null && input.isEmpty()) {
            defect(field + ".input", "unknown input '" + key + "'");
        }
        Optional<Condition.Operator> op =
                enumValue(Condition.Operator.class, text(node, "op", true, field), field + ".op");
        if (input.isEmpty() || op.isEmpty()) {
            return null;
        }
        ConditionInput in = input.get();
        String unit = node.path("unit").asText(null);
        if (in.unit() != null && !in.unit().equals(unit)) {
            defect(field + ".unit", key + " is measured in " + in.unit() + ", not " + unit);
        }
        List<Object> values = new ArrayList<>();
        JsonNode value = node.has("values") ? node.get("values") : node.get("value");
        if (value == null || value.isNull()) {
            defect(field + ".value", "is required");
            return null;
        }
        for (JsonNode v : value.isArray() ? iterable(value.elements()) : List.of(value)) {
            switch (in.type()) {
                case NUMBER -> {
                    if (!v.isNumber()) {
                        defect(field + ".value", key + " needs a number");
                    }
                    values.add(v.decimalValue());
                }
                case BOOLEAN -> {
                    if (!v.isBoolean()) {
                        defect(field + ".value", key + " needs true or false");
                    }
                    values.add(v.asBoolean());
                }
                case TEXT -> values.add(v.asText());
            }
        }
        boolean numeric = in.type() == ConditionInput.Type.NUMBER;
        Condition.Operator o = op.get();
        if (!numeric && o != Condition.Operator.EQ && o != Condition.Operator.IN) {
            defect(field + ".op", key + " can only be compared with EQ or IN");
        }
        if (o != Condition.Operator.IN && values.size() != 1) {
            defect(field + ".value", o + " takes exactly one value");
        }
        return new Condition(in, o, values, localized(node, "notRequired", false, field));
    }

    private Fee fee(JsonNode node, String field) {
        knownFields(node, field, FEE_FIELDS);
        LocalizedText item = localized(node, "item", true, field);
        BigDecimal amount = decimal(node, "amount", false);
        if (node.hasNonNull("amount") && amount == null) {
            defect(
                    field + ".amount",
                    "must be a number (yuan), was '" + node.get("amount").asText() + "'");
        }
        if (amount != null && amount.signum() < 0) {
            defect(field + ".amount", "must be a non-negative number, or left out when the fee is settled at cost");
        }
        LocalizedText paidBy = localized(node, "paidBy", false, field);
        String source = text(node, "source", true, field);
        return item == null
                ? null
                : new Fee(
                        item,
                        Optional.ofNullable(amount),
                        node.path("waived").asBoolean(false),
                        Optional.ofNullable(paidBy),
                        source);
    }

    private Component component(JsonNode node, String field) {
        knownFields(node, field, COMPONENT_FIELDS);
        String id = text(node, "id", true, field);
        LocalizedText name = localized(node, "name", true, field);
        return id == null || name == null
                ? null
                : new Component(id, name, node.path("parallel").asBoolean(false));
    }

    private List<Decision> decisions(JsonNode list) {
        List<Decision> out = new ArrayList<>();
        for (JsonNode node : iterable(list.elements())) {
            knownFields(node, "decisions", DECISION_FIELDS);
            String id = node.path("id").asText(null);
            String decision = node.path("decision").asText(null);
            if (id == null || decision == null) {
                defect("decisions", "every decision needs an id and a decision");
                continue;
            }
            out.add(new Decision(
                    id, node.path("ambiguity").asText(null), node.path("field").asText(null), decision));
        }
        return out;
    }

    private OfficeHours officeHours(JsonNode list) {
        if (list.isMissingNode()) {
            return OfficeHours.DEFAULT;
        }
        try {
            List<OfficeHours.Session> sessions = new ArrayList<>();
            for (JsonNode s : iterable(list.elements())) {
                knownFields(s, "officeHours", SESSION_FIELDS);
                sessions.add(new OfficeHours.Session(
                        LocalTime.parse(s.path("from").asText()),
                        LocalTime.parse(s.path("to").asText())));
            }
            return new OfficeHours(sessions);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            defect("officeHours", e.getMessage());
            return null;
        }
    }

    private TimeLimit timeLimit(JsonNode node, String field, boolean required) {
        String unitText = node.path("unit").asText(null);
        if (unitText == null) {
            if (required) {
                defect(field + ".unit", "is required");
            }
            return null;
        }
        Optional<LimitUnit> unit = enumValue(LimitUnit.class, unitText, field + ".unit");
        if (unit.isEmpty()) {
            return null;
        }
        if (unit.get() == LimitUnit.IMMEDIATE) {
            return TimeLimit.immediate();
        }
        if (!node.path("amount").isNumber()) {
            defect(field + ".amount", "needs a positive number for " + unit.get());
            return null;
        }
        try {
            return new TimeLimit(node.path("amount").decimalValue(), unit.get());
        } catch (IllegalArgumentException e) {
            defect(field + ".amount", e.getMessage());
            return null;
        }
    }

    private <T> List<T> list(JsonNode node, String field, ElementParser<T> parser) {
        JsonNode list = node.path(field);
        if (list.isMissingNode() || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            defect(field, "must be a list");
            return List.of();
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            T element = parser.parse(list.get(i), field + "[" + i + "]");
            if (element != null) {
                out.add(element);
            }
        }
        return out;
    }

    private interface ElementParser<T> {
        T parse(JsonNode node, String field);
    }

    private <E extends Enum<E>> Optional<E> enumValue(Class<E> type, String value, String field) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, value));
        } catch (IllegalArgumentException e) {
            defect(field, "unknown value '" + value + "'");
            return Optional.empty();
        }
    }

    private String text(JsonNode node, String field, boolean required) {
        return text(node, field, required, null);
    }

    private String text(JsonNode node, String field, boolean required, String parent) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            if (required) {
                defect(qualified(parent, field), "is required");
            }
            return null;
        }
        return value.asText();
    }

    private LocalizedText localized(JsonNode node, String field, boolean required) {
        return localized(node, field, required, null);
    }

    private LocalizedText localized(JsonNode node, String field, boolean required, String parent) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                defect(qualified(parent, field), "is required (zh and en)");
            }
            return null;
        }
        String zh = value.path("zh").asText("");
        String en = value.path("en").asText("");
        if (zh.isBlank() || en.isBlank()) {
            defect(qualified(parent, field), "needs both zh and en");
            return null;
        }
        return new LocalizedText(zh, en);
    }

    private LocalDate date(JsonNode node, String field, boolean required) {
        String value = text(node, field, required);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            defect(field, "must be an ISO date (2021-07-31), was '" + value + "'");
            return null;
        }
    }

    private BigDecimal decimal(JsonNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber()) {
            if (required) {
                defect(field, "must be a number");
            }
            return null;
        }
        return value.decimalValue();
    }

    private List<String> strings(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            defect(field, "must be a list");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        value.elements().forEachRemaining(v -> out.add(v.asText()));
        return out;
    }

    /** A misspelt field would otherwise be dropped silently and its default taken for data. */
    private void knownFields(JsonNode node, String parent, Set<String> allowed) {
        if (!node.isObject()) {
            return;
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                defect(qualified(parent, name), "unknown field; expected one of " + new TreeSet<>(allowed));
            }
        });
    }

    /** Every local decision a matter, limit or material cites must be one the jurisdiction lists. */
    private void decisionReference(String id, String field) {
        if (id != null && !decisionIds.contains(id)) {
            defect(field, "cites decision '" + id + "', which the jurisdiction's decisions do not list");
        }
    }

    private static <T> Iterable<T> iterable(Iterator<T> iterator) {
        List<T> out = new ArrayList<>();
        iterator.forEachRemaining(out::add);
        return out;
    }

    private static String qualified(String parent, String field) {
        return parent == null ? field : parent + "." + field;
    }

    private void defect(String field, String problem) {
        defects.add(new CatalogueDefect(file, matter, field, problem));
    }
}
