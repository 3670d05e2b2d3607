package org.onewindow.kernel.catalogue.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The application data a routing threshold may test, each with its one unit: kW and kVA are
 * different quantities and never compared (seed-catalogue A-15).
 */
public enum ConditionInput {
    CAPACITY_KW("capacityKw", Type.NUMBER, "kW"),
    CAPACITY_KVA("capacityKva", Type.NUMBER, "kVA"),
    LINE_LENGTH_M("lineLengthM", Type.NUMBER, "m"),
    PIPE_LENGTH_M("pipeLengthM", Type.NUMBER, "m"),
    INVESTMENT_CNY_10K("investmentCny10k", Type.NUMBER, "CNY_10K"),
    FLOOR_AREA_M2("floorAreaM2", Type.NUMBER, "m2"),
    EXTERNAL_WORKS("externalWorks", Type.BOOLEAN, null),
    DIRECT_CONNECTION("directConnection", Type.BOOLEAN, null),
    URBAN_PLANNING_AREA("urbanPlanningArea", Type.BOOLEAN, null),
    TAX_PREPAID("taxPrepaid", Type.BOOLEAN, null),
    NOTARISED("notarised", Type.BOOLEAN, null),
    UNDER_CONSTRUCTION("underConstruction", Type.BOOLEAN, null),
    LOW_RISK("lowRisk", Type.BOOLEAN, null),
    PROJECT_CATEGORY("projectCategory", Type.TEXT, null),
    VOLTAGE("voltage", Type.TEXT, null),
    /** 项目代码 of a construction project. */
    PROJECT_CODE("projectCode", Type.TEXT, null),
    PROJECT_NAME("projectName", Type.TEXT, null),
    /** The land parcel (宗地) a project is built on. */
    LAND_PARCEL("landParcel", Type.TEXT, null),
    /** Joint completion acceptance all at once (COMPREHENSIVE) or in stages (STAGED). */
    ACCEPTANCE_MODE("acceptanceMode", Type.TEXT, null),
    /** The 施工段 of a staged construction permit (分段施工许可), where a matter allows it. */
    CONSTRUCTION_SECTION("constructionSection", Type.TEXT, null);

    /** What kind of value an input holds. */
    public enum Type {
        NUMBER,
        BOOLEAN,
        TEXT
    }

    private final String key;
    private final Type type;
    private final String unit;

    ConditionInput(String key, Type type, String unit) {
        this.key = key;
        this.type = type;
        this.unit = unit;
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
