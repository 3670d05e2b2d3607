package org.onewindow.kernel.catalogue.model;

import java.util.Arrays;
import java.util.Optional;
import org.onewindow.kernel.text.LocalizedText;

/**
 * The application data a routing threshold may test, each with its one unit: kW and kVA are
 * different quantities and never compared (seed-catalogue A-15).
 */
public enum ConditionInput {
    CAPACITY_KW("capacityKw", Type.NUMBER, "kW", "用电容量", "power demand"),
    CAPACITY_KVA("capacityKva", Type.NUMBER, "kVA", "报装容量", "connection capacity"),
    LINE_LENGTH_M("lineLengthM", Type.NUMBER, "m", "线路长度", "line length"),
    PIPE_LENGTH_M("pipeLengthM", Type.NUMBER, "m", "管线长度", "pipe length"),
    INVESTMENT_CNY_10K("investmentCny10k", Type.NUMBER, "CNY_10K", "项目投资（万元）", "investment (CNY 10k)"),
    FLOOR_AREA_M2("floorAreaM2", Type.NUMBER, "m2", "建筑面积（平方米）", "floor area (m2)"),
    EXTERNAL_WORKS("externalWorks", Type.BOOLEAN, null, "是否涉及外线工程", "whether external works are needed"),
    DIRECT_CONNECTION("directConnection", Type.BOOLEAN, null, "是否直接接入", "whether the connection is direct"),
    URBAN_PLANNING_AREA(
            "urbanPlanningArea", Type.BOOLEAN, null, "是否位于城镇规划区", "whether the site is in an urban planning area"),
    TAX_PREPAID("taxPrepaid", Type.BOOLEAN, null, "是否已完税", "whether the tax is paid"),
    NOTARISED("notarised", Type.BOOLEAN, null, "是否已公证", "whether it is notarised"),
    UNDER_CONSTRUCTION("underConstruction", Type.BOOLEAN, null, "是否为在建工程", "whether the works are under construction"),
    LOW_RISK("lowRisk", Type.BOOLEAN, null, "是否为低风险项目", "whether the project is low-risk"),
    PROJECT_CATEGORY("projectCategory", Type.TEXT, null, "项目类别", "project category"),
    VOLTAGE("voltage", Type.TEXT, null, "电压等级", "voltage level"),
    /** 项目代码 of a construction project. */
    PROJECT_CODE("projectCode", Type.TEXT, null, "项目代码", "project code"),
    PROJECT_NAME("projectName", Type.TEXT, null, "项目名称", "project name"),
    /** The land parcel (宗地) a project is built on. */
    LAND_PARCEL("landParcel", Type.TEXT, null, "宗地编号", "land parcel"),
    /** Joint completion acceptance all at once (COMPREHENSIVE) or in stages (STAGED). */
    ACCEPTANCE_MODE("acceptanceMode", Type.TEXT, null, "联合验收方式", "joint acceptance mode"),
    /** The 施工段 of a staged construction permit (分段施工许可), where a matter allows it. */
    CONSTRUCTION_SECTION("constructionSection", Type.TEXT, null, "施工段", "construction section"),
    /** 不动产单元号 (GB/T 37346, 28 characters) of the unit a registration concerns. */
    UNIT_NUMBER("unitNumber", Type.TEXT, null, "不动产单元号", "real-property unit number"),
    /** 台区改造: the low-voltage supply needs the transformer area upgraded first (LC UT-E3). */
    TRANSFORMER_UPGRADE(
            "transformerUpgrade", Type.BOOLEAN, null, "是否需要台区改造", "whether the transformer area must be upgraded"),
    /** 无相关利害关系人 (ST UT-E7): nobody else's interests are touched by the works. */
    INTERESTED_THIRD_PARTY(
            "interestedThirdParty", Type.BOOLEAN, null, "是否有相关利害关系人", "whether a third party's interests are touched"),
    /** 三零服务 (零上门、零审批、零投资) of the grid company (ST UT-E7). */
    THREE_ZERO_SERVICE("threeZeroService", Type.BOOLEAN, null, "是否实行“三零”服务", "whether the 三零 service applies"),
    /** Digging an expressway or arterial road, which keeps the original approval (ST UT-E7). */
    ARTERIAL_ROAD_DIGGING(
            "arterialRoadDigging", Type.BOOLEAN, null, "是否挖掘快速路或主干道", "whether an expressway or arterial road is dug"),
    /** 承办部门 of a 12345 enterprise appeal (接诉即办): the department that accepts and handles it. */
    HANDLING_DEPARTMENT("handlingDepartment", Type.TEXT, null, "承办部门", "handling department"),
    /** What the enterprise asks or complains of (诉求内容). */
    APPEAL_SUMMARY("appealSummary", Type.TEXT, null, "诉求内容", "what the enterprise asks"),
    /** The case of another service a 督办 or 整改 is about (办件编号). */
    SUPERVISED_CASE("supervisedCase", Type.TEXT, null, "被督办办件", "case supervised"),
    /**
     * How many 督办 the department has had this calendar month before this one (按月通报): the
     * catalogue's escalation rule (顶格协调/提级办理) tests it.
     */
    DEPARTMENT_BREACHES_THIS_MONTH(
            "departmentBreachesThisMonth", Type.NUMBER, "cases", "本月该部门已督办次数", "supervision orders this month"),
    /** 好差评 score, 1 (very dissatisfied) to 5: a 差评 threshold tests it. */
    RATING_SCORE("ratingScore", Type.NUMBER, "points", "评价分值", "rating score");

    /** What kind of value an input holds. */
    public enum Type {
        NUMBER,
        BOOLEAN,
        TEXT
    }

    private final String key;
    private final Type type;
    private final String unit;
    private final LocalizedText label;

    ConditionInput(String key, Type type, String unit, String zh, String en) {
        this.key = key;
        this.type = type;
        this.unit = unit;
        this.label = new LocalizedText(zh, en);
    }

    /** What a clerk calls it, for the 一次性告知 list when it is missing. */
    public LocalizedText label() {
        return label;
    }

    /** The field name in application data and catalogue files. */
    public String key() {
        return key;
    }

    public Type type() {
        return type;
    }

    /** The only unit this input is measured in (null for flags and text). */
    public String unit() {
        return unit;
    }

    public static Optional<ConditionInput> byKey(String key) {
        return Arrays.stream(values()).filter(i -> i.key.equals(key)).findFirst();
    }
}
