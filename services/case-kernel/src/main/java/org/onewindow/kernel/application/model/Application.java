package org.onewindow.kernel.application.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onewindow.kernel.acceptance.model.MaterialForm;
import org.onewindow.kernel.acceptance.model.PresentedMaterial;
import org.onewindow.kernel.problem.model.FieldViolation;
import org.onewindow.kernel.problem.model.Rejection;
import org.onewindow.kernel.text.LocalizedText;

/**
 * One application at the single window: {@code POST /api/v1/applications} of every service.
 * {@link #violations()} lists everything wrong with its form at once (一次性告知); whether the
 * matter can be accepted is the acceptance rules' question, asked afterwards.
 */
public record Application(
        String jurisdiction,
        String matterCode,
        Channel channel,
        Applicant applicant,
        List<Material> materials,
        Map<String, Object> data) {

    /** A material as submitted; may be incomplete until {@link #violations()} says it is not. */
    public record Material(String code, MaterialForm form, String reference) {}

    /**
     * The largest application body accepted: materials travel as references (an upload's id, an
     * e-licence number), never as content, so an application is a few kilobytes.
     */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    /** Refuses a body too large to be an application, before it is parsed. */
    public static void checkSize(int bytes) {
        if (bytes > MAX_BODY_BYTES) {
            throw new Rejection(
                    Rejection.Kind.TOO_LARGE,
                    "application.too-large",
                    new LocalizedText(
                            "申请数据过大（" + bytes / 1024 + " KB，上限 " + MAX_BODY_BYTES / 1024 + " KB）；材料请以文件编号提交",
                            "the application is " + bytes / 1024 + " KB, more than " + MAX_BODY_BYTES / 1024
                                    + " KB; send materials as references"),
                    List.of());
        }
    }

    public Application {
        materials = materials == null ? List.of() : List.copyOf(materials);
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    public List<FieldViolation> violations() {
        List<FieldViolation> out = new ArrayList<>();
        if (jurisdiction == null || !jurisdiction.matches("[A-Z]{2}")) {
            out.add(FieldViolation.of(
                    "jurisdiction", "jurisdiction.malformed", "请填写辖区代码（如 FC）", "give a jurisdiction code like FC"));
        }
        if (matterCode == null || matterCode.isBlank()) {
            out.add(FieldViolation.of(
                    "matterCode", "matter.missing", "请填写事项编码（如 EO-1）", "give a matter code like EO-1"));
        }
        if (channel == null) {
            out.add(FieldViolation.of(
                    "channel", "channel.missing", "请填写受理渠道（WINDOW 或 ONLINE）", "give the channel: WINDOW or ONLINE"));
        }
        applicantViolations(out);
        materialViolations(out);
        return out;
    }

    private void applicantViolations(List<FieldViolation> out) {
        if (applicant == null) {
            out.add(FieldViolation.of("applicant", "applicant.missing", "请填写申请人", "the applicant is required"));
            return;
        }
        if (applicant.type() == null) {
            out.add(FieldViolation.of(
                    "applicant.type",
                    "applicant.type-missing",
                    "请填写申请人类型（ENTERPRISE 或 PERSON）",
                    "give ENTERPRISE or PERSON"));
        }
        if (applicant.name() == null || applicant.name().isBlank()) {
            out.add(FieldViolation.of(
                    "applicant.name", "applicant.name-missing", "请填写申请人名称", "the applicant's name is required"));
        }
        if (applicant.uscc() != null) {
            UnifiedSocialCreditCode.defect(applicant.uscc())
                    .ifPresent(why -> out.add(FieldViolation.of(
                            "applicant.uscc", "uscc.invalid", "统一社会信用代码有误，请核对：" + applicant.uscc(), why)));
        }
        if (applicant.uscc() == null
                && applicant.type() != ApplicantType.AUTHORITY
                && (applicant.idNumber() == null || applicant.idNumber().isBlank())) {
            out.add(FieldViolation.of(
                    "applicant",
                    "applicant.identity-missing",
                    "请填写统一社会信用代码或身份证件号码",
                    "give the unified social credit code or an identity number"));
        }
    }

    private void materialViolations(List<FieldViolation> out) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < materials.size(); i++) {
            Material m = materials.get(i);
            String field = "materials[" + i + "]";
            if (m == null || m.code() == null || m.code().isBlank()) {
                out.add(FieldViolation.of(
                        field + ".code", "material.code-missing", "请填写材料编码", "the material code is required"));
                continue;
            }
            if (!seen.add(m.code())) {
                out.add(FieldViolation.of(
                        field + ".code",
                        "material.duplicate",
                        "材料重复提交：" + m.code(),
                        "material listed twice: " + m.code()));
            }
            if (m.form() == null) {
                out.add(FieldViolation.of(
                        field + ".form",
                        "material.form-missing",
                        "请填写材料形式（PAPER、UPLOAD、E_LICENCE 或 COMMITMENT）",
                        "give the form: PAPER, UPLOAD, E_LICENCE or COMMITMENT"));
            } else if (m.form() == MaterialForm.SHARED) {
                out.add(
                        FieldViolation.of(
                                field + ".form",
                                "material.form-shared",
                                "免提交的材料由平台核验共享数据后自动列入，请改选纸质、上传、电子证照或告知承诺",
                                "SHARED is added by the platform from data it holds; give PAPER, UPLOAD, E_LICENCE or COMMITMENT"));
            } else if (m.form() != MaterialForm.PAPER && m.form() != MaterialForm.COMMITMENT && blank(m.reference())) {
                out.add(FieldViolation.of(
                        field + ".reference",
                        "material.reference-missing",
                        "请填写文件编号或电子证照编号",
                        "an upload or e-licence needs its reference"));
            }
        }
    }

    /** The materials as the acceptance rules read them; call only once {@link #violations()} is empty. */
    public List<PresentedMaterial> presented() {
        return materials.stream()
                .map(m -> new PresentedMaterial(m.code(), m.form(), m.reference()))
                .toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
