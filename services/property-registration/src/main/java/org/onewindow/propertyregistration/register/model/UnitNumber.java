package org.onewindow.propertyregistration.register.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * 不动产单元号 (GB/T 37346-2019): 6 digits of the district, 6 of the cadastral zone and sub-zone, the
 * parcel (宗地: two letters and 5 digits) and the fixture on it (定着物: F, L, Q or W and 8 digits),
 * 28 characters in all.
 */
public final class UnitNumber {

    private static final Pattern SHAPE = Pattern.compile("\\d{12}[A-Z]{2}\\d{5}[FLQW]\\d{8}");

    private UnitNumber() {}

    /** What is wrong with the shape of a given number, in the clerk's words; empty when it is well formed. */
    public static Optional<String> defect(String given) {
        if (given == null || given.isBlank()) {
            return Optional.of("请填写不动产单元号");
        }
        if (!SHAPE.matcher(given).matches()) {
            return Optional.of("不动产单元号应为 28 位（如 370404001001GB00001F00010101），请核对：" + given);
        }
        return Optional.empty();
    }

    /**
     * The number of a unit of a newly completed project, before the cadastral survey assigns its
     * zone: the district from the project code (its second group), zone and sub-zone 000000, the
     * parcel GB and the project serial's last five digits, the building and the unit by their order.
     */
    public static String ofNewUnit(String projectCode, int building, int unit) {
        String[] groups = projectCode.split("-");
        String serial = groups[groups.length - 1];
        return groups[1] + "000000" + "GB" + serial.substring(serial.length() - 5) + "F"
                + String.format("%04d%04d", building, unit);
    }
}
