package org.onewindow.propertyregistration.register.model;

import java.util.List;
import java.util.Optional;
import org.onewindow.kernel.problem.model.FieldViolation;
import org.onewindow.kernel.problem.model.Rejection;
import org.onewindow.kernel.text.LocalizedText;

/**
 * Whether the register allows a registration, asked at 受理 and again at 登簿 (a court may seize the
 * unit in between): the unit exists in this jurisdiction, has had its first registration, is not
 * seized where a seizure forbids the registration, and has a mortgage to release; a first
 * registration needs a project whose completion acceptance has arrived, applied for by its developer,
 * whose units are not registered yet.
 */
public final class RegisterRule {

    static final String UNIT_FIELD = "data.unitNumber";
    static final String PROJECT_FIELD = "data.projectCode";

    private RegisterRule() {}

    /** Why this unit cannot have this registration, if it cannot. */
    public static Optional<Rejection> check(
            RegistrationKind kind, String jurisdiction, String unitNumber, Optional<PropertyUnit> found) {
        if (found.isEmpty()) {
            String what = kind == RegistrationKind.MORTGAGE || kind == RegistrationKind.TRANSFER_AND_MORTGAGE
                    ? "抵押的不动产单元 "
                    : "不动产单元 ";
            return Optional.of(unprocessable(
                    "unit.unknown",
                    UNIT_FIELD,
                    what + unitNumber + " 不在登记簿上，请核对不动产单元号",
                    "unit " + unitNumber + " is not on the register"));
        }
        PropertyUnit unit = found.get();
        if (!unit.jurisdiction().equals(jurisdiction)) {
            return Optional.of(conflict(
                    "unit.other-jurisdiction",
                    UNIT_FIELD,
                    "不动产单元 " + unitNumber + " 位于 " + unit.jurisdiction() + "，须向该辖区不动产登记机构申请",
                    "unit " + unitNumber + " is registered in " + unit.jurisdiction()));
        }
        if (unit.status() == PropertyUnit.Status.READY) {
            return Optional.of(unprocessable(
                    "unit.not-registered",
                    UNIT_FIELD,
                    "不动产单元 " + unitNumber + " 尚未办理首次登记，不能办理" + kind.zh(),
                    "unit " + unitNumber + " has had no first registration yet"));
        }
        if (unit.status() == PropertyUnit.Status.CANCELLED) {
            return Optional.of(unprocessable(
                    "unit.cancelled",
                    UNIT_FIELD,
                    "不动产单元 " + unitNumber + " 已注销，不能办理" + kind.zh(),
                    "unit " + unitNumber + " is cancelled"));
        }
        if (unit.seized() && kind.blockedBySeizure()) {
            return Optional.of(conflict(
                    "unit.seized",
                    UNIT_FIELD,
                    "不动产单元 " + unitNumber + " 已被查封（" + unit.seizures() + " 项），查封期间不能办理" + kind.zh() + "，请待解封后申请",
                    "unit " + unitNumber + " is seized; no " + kind.name().toLowerCase() + " while it is"));
        }
        if (kind == RegistrationKind.MORTGAGE_RELEASE && unit.mortgages() == 0) {
            return Optional.of(unprocessable(
                    "unit.not-mortgaged",
                    UNIT_FIELD,
                    "不动产单元 " + unitNumber + " 没有抵押登记，无需解押",
                    "unit " + unitNumber + " has no mortgage to release"));
        }
        return Optional.empty();
    }

    /**
     * Why a project cannot have its first registration, if it cannot. {@code mayAwait}: the matter
     * is applied for together with the completion acceptance (交房即办证 where the catalogue has it),
     * so a project whose acceptance has not arrived yet is awaited instead of refused.
     */
    public static Optional<Rejection> checkFirst(
            String jurisdiction,
            String projectCode,
            String applicantUscc,
            Optional<CompletedProject> found,
            int unitsReady,
            boolean mayAwait) {
        if (found.isEmpty()) {
            return mayAwait
                    ? Optional.empty()
                    : Optional.of(unprocessable(
                            "project.not-completed",
                            PROJECT_FIELD,
                            "项目 " + projectCode + " 尚未通过竣工联合验收（未收到验收结果），不能办理首次登记",
                            "project " + projectCode + " has no completion acceptance yet"));
        }
        CompletedProject project = found.get();
        if (!project.jurisdiction().equals(jurisdiction)) {
            return Optional.of(conflict(
                    "project.other-jurisdiction",
                    PROJECT_FIELD,
                    "项目 " + projectCode + " 位于 " + project.jurisdiction() + "，须向该辖区不动产登记机构申请",
                    "project " + projectCode + " is in " + project.jurisdiction()));
        }
        if (project.developerUscc() != null && !project.developerUscc().equals(applicantUscc)) {
            return Optional.of(conflict(
                    "project.not-developer",
                    PROJECT_FIELD,
                    "项目 " + projectCode + " 的首次登记应由建设单位（统一社会信用代码 " + project.developerUscc() + "）申请",
                    "the first registration of " + projectCode + " is the developer's to apply for"));
        }
        if (unitsReady == 0) {
            return Optional.of(conflict(
                    "project.first-registered",
                    PROJECT_FIELD,
                    "项目 " + projectCode + " 的不动产已全部办理首次登记",
                    "every unit of project " + projectCode + " is registered already"));
        }
        return Optional.empty();
    }

    /** 409, the reason also on the field, so the form shows it where the clerk typed the number. */
    private static Rejection conflict(String code, String field, String zh, String en) {
        return new Rejection(
                Rejection.Kind.CONFLICT,
                code,
                new LocalizedText(zh, en),
                List.of(FieldViolation.of(field, code, zh, en)));
    }

    private static Rejection unprocessable(String code, String field, String zh, String en) {
        return new Rejection(
                Rejection.Kind.UNPROCESSABLE,
                code,
                new LocalizedText(zh, en),
                List.of(FieldViolation.of(field, code, zh, en)));
    }
}
