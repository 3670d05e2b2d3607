package org.onewindow.supervision.appeal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onewindow.kernel.application.model.Application;
import org.onewindow.kernel.catalogue.model.CatalogueVersion;
import org.onewindow.kernel.catalogue.model.Matter;
import org.onewindow.kernel.problem.model.FieldViolation;
import org.onewindow.kernel.problem.model.Rejection;
import org.onewindow.runtime.extension.MatterVariables;
import org.onewindow.supervision.SupervisionSettings;
import org.springframework.stereotype.Component;

/**
 * 接诉即办: an appeal names its 承办部门 and what the enterprise asks; the case is that department's
 * from acceptance, which is its 受理, so the clocks run from there.
 */
@Component
class AppealVariables implements MatterVariables {

    static final String PROCESS = "enterprise-appeal";
    private static final int LONGEST_SUMMARY = 2000;

    private final SupervisionSettings settings;

    AppealVariables(SupervisionSettings settings) {
        this.settings = settings;
    }

    @Override
    public Map<String, Object> variables(CatalogueVersion version, Matter matter, Application application) {
        if (!PROCESS.equals(matter.processKey())) {
            return Map.of();
        }
        List<FieldViolation> wrong = new ArrayList<>();
        String department = text(application, "handlingDepartment");
        if (department == null || !settings.handlingDepartments().contains(department)) {
            wrong.add(FieldViolation.of(
                    "data.handlingDepartment",
                    "appeal.department-unknown",
                    "请选择承办部门："
                            + String.join(
                                    "、",
                                    settings.handlingDepartments().stream()
                                            .sorted()
                                            .toList()),
                    "choose the handling department: " + settings.handlingDepartments()));
        }
        String summary = text(application, "appealSummary");
        if (summary == null || summary.isBlank()) {
            wrong.add(FieldViolation.of(
                    "data.appealSummary", "appeal.summary-missing", "请填写诉求内容", "say what the enterprise asks"));
        } else if (summary.length() > LONGEST_SUMMARY) {
            wrong.add(FieldViolation.of(
                    "data.appealSummary",
                    "appeal.summary-too-long",
                    "诉求内容不超过" + LONGEST_SUMMARY + "字，详细材料请作为附件提交",
                    "at most " + LONGEST_SUMMARY + " characters; attach the rest as evidence"));
        }
        if (!wrong.isEmpty()) {
            throw Rejection.invalid(wrong.toArray(FieldViolation[]::new));
        }
        return Map.of();
    }

    @Override
    public Optional<String> department(Matter matter, Application application) {
        return PROCESS.equals(matter.processKey())
                ? Optional.ofNullable(text(application, "handlingDepartment"))
                : Optional.empty();
    }

    private static String text(Application application, String key) {
        Object value = application.data().get(key);
        return value == null ? null : value.toString();
    }
}
