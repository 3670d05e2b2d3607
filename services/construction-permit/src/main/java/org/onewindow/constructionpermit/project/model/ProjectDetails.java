package org.onewindow.constructionpermit.project.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.onewindow.kernel.problem.model.FieldViolation;
import org.onewindow.kernel.problem.model.Rejection;

/**
 * What an application says of its project, from its data: the 项目代码 every construction matter
 * needs, and, for the project's first application, what registers it (name, category, floor area,
 * investment, land parcel). Bad values are refused field by field, before anything is stored.
 *
 * @param acceptanceMode how the developer wants joint completion acceptance: COMPREHENSIVE (综合,
 *     all checks at once) or STAGED (分段)
 * @param section the 施工段 a staged construction permit covers; null for the whole project
 */
public record ProjectDetails(
        String code,
        String name,
        ProjectCategory category,
        BigDecimal floorAreaM2,
        BigDecimal investmentCny10k,
        String landParcel,
        String acceptanceMode,
        ConstructionSection section,
        List<Map<String, Object>> buildings) {

    /** 项目代码: year, six-digit administrative area, industry, category, sequence (e.g. 2026-370402-47-03-000123). */
    private static final Pattern CODE = Pattern.compile("^\\d{4}-\\d{6}-\\d{2}-\\d{2}-\\d{6}$");

    public static final String COMPREHENSIVE = "COMPREHENSIVE";
    public static final String STAGED = "STAGED";

    public ProjectDetails {
        buildings = buildings == null ? List.of() : List.copyOf(buildings);
    }

    /** Reads the project from application data; refuses what is malformed, naming each field. */
    public static ProjectDetails read(Map<String, Object> data) {
        List<FieldViolation> problems = new ArrayList<>();
        String code = text(data, "projectCode");
        if (code == null) {
            problems.add(FieldViolation.of(
                    "data.projectCode", "project.code-missing", "请填写项目代码（投资项目统一代码）", "give the project code"));
        } else if (!CODE.matcher(code).matches()) {
            problems.add(FieldViolation.of(
                    "data.projectCode",
                    "project.code-invalid",
                    "项目代码格式应为 年份-行政区划-行业-类别-序号，如 2026-370402-47-03-000123",
                    "the project code looks like 2026-370402-47-03-000123"));
        }
        ProjectCategory category = null;
        String categoryId = text(data, "projectCategory");
        if (categoryId != null) {
            category = ProjectCategory.of(categoryId).orElse(null);
            if (category == null) {
                problems.add(FieldViolation.of(
                        "data.projectCategory",
                        "project.category-unknown",
                        "项目类型应为以下之一：" + ProjectCategory.ids(),
                        "the project category must be one of " + ProjectCategory.ids()));
            }
        }
        BigDecimal area = amount(data, "floorAreaM2", "建筑面积", "floor area", problems);
        BigDecimal investment = amount(data, "investmentCny10k", "投资额", "investment", problems);
        String mode = text(data, "acceptanceMode");
        if (mode != null && !mode.equals(COMPREHENSIVE) && !mode.equals(STAGED)) {
            problems.add(FieldViolation.of(
                    "data.acceptanceMode",
                    "project.acceptance-mode-unknown",
                    "联合验收方式应为 COMPREHENSIVE（综合验收）或 STAGED（分段验收）",
                    "acceptanceMode must be COMPREHENSIVE or STAGED"));
        }
        ConstructionSection section = null;
        String sectionId = text(data, "constructionSection");
        if (sectionId != null) {
            section = ConstructionSection.of(sectionId).orElse(null);
            if (section == null) {
                problems.add(FieldViolation.of(
                        "data.constructionSection",
                        "project.section-unknown",
                        "施工段应为以下之一：" + ConstructionSection.ids(),
                        "the construction section must be one of " + ConstructionSection.ids()));
            }
        }
        List<Map<String, Object>> buildings = buildings(data, problems);
        if (!problems.isEmpty()) {
            throw Rejection.invalid(problems.toArray(FieldViolation[]::new));
        }
        return new ProjectDetails(
                code,
                text(data, "projectName"),
                category,
                area,
                investment,
                text(data, "landParcel"),
                mode == null ? COMPREHENSIVE : mode,
                section,
                buildings);
    }

    /** What registering the project needs beyond its code: refused as one list (一次性告知). */
    public void requireRegistration() {
        List<FieldViolation> problems = new ArrayList<>();
        if (name == null) {
            problems.add(FieldViolation.of(
                    "data.projectName",
                    "project.name-missing",
                    "项目首次申报须填写项目名称",
                    "a project's first application gives its name"));
        }
        if (category == null) {
            problems.add(FieldViolation.of(
                    "data.projectCategory",
                    "project.category-missing",
                    "项目首次申报须填写项目类型：" + ProjectCategory.ids(),
                    "a project's first application gives its category"));
        }
        if (!problems.isEmpty()) {
            throw Rejection.invalid(problems.toArray(FieldViolation[]::new));
        }
    }

    /** 分段施工许可 only where the matter asks for a section (the jurisdiction allows staged permits). */
    public void requireSectionAllowed(boolean staged) {
        if (section != null && !staged) {
            throw Rejection.invalid(FieldViolation.of(
                    "data.constructionSection",
                    "project.section-not-allowed",
                    "本事项在本辖区不分段办理，请不要填写施工段",
                    "this matter is not issued in sections here; leave the construction section out"));
        }
    }

    public Optional<ConstructionSection> givenSection() {
        return Optional.ofNullable(section);
    }

    public Optional<ProjectCategory> givenCategory() {
        return Optional.ofNullable(category);
    }

    private static String text(Map<String, Object> data, String key) {
        Object value = data.get(key);
        return value == null || value.toString().isBlank()
                ? null
                : value.toString().strip();
    }

    private static BigDecimal amount(
            Map<String, Object> data, String key, String zh, String en, List<FieldViolation> problems) {
        Object value = data.get(key);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(value.toString());
            if (number.signum() < 0) {
                problems.add(FieldViolation.of(
                        "data." + key, "project.negative", zh + "不能为负数", "the " + en + " cannot be negative"));
            }
            return number;
        } catch (NumberFormatException e) {
            problems.add(FieldViolation.of(
                    "data." + key, "project.not-a-number", zh + "应为数字", "the " + en + " must be a number"));
            return null;
        }
    }

    /** 楼栋及户数 for the completion event: [{building, units}], units a whole number ≥ 0. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> buildings(Map<String, Object> data, List<FieldViolation> problems) {
        Object value = data.get("buildings");
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)
                || !list.stream()
                        .allMatch(b -> b instanceof Map<?, ?> m
                                && m.get("building") != null
                                && m.get("units") instanceof Number n
                                && n.intValue() >= 0)) {
            problems.add(FieldViolation.of(
                    "data.buildings",
                    "project.buildings-invalid",
                    "楼栋清单应为 [{building: 楼栋名称, units: 户数}]",
                    "buildings must be a list of {building, units}"));
            return List.of();
        }
        return (List<Map<String, Object>>) value;
    }
}
