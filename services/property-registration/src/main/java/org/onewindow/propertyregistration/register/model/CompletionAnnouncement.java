package org.onewindow.propertyregistration.register.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The data of construction.completion-accepted (docs/events), read strictly: what is missing or out
 * of range is named in {@link #defects}, and such an announcement changes nothing.
 */
public record CompletionAnnouncement(
        String projectCode,
        String projectName,
        String landParcel,
        String developerUscc,
        LocalDate acceptedOn,
        String matterCode,
        List<Building> buildings) {

    /** A 楼栋 and how many units (户) it has. */
    public record Building(String name, int units) {}

    /** More units than any single acceptance announces: a typo, not a project. */
    static final int MAX_UNITS = 20_000;

    private static final Pattern PROJECT_CODE = Pattern.compile("\\d{4}-\\d{6}-\\d{2}-\\d{2}-\\d{6}");

    /** The announcement, or the list of what is wrong with it. */
    public static Result read(Map<String, Object> data) {
        List<String> defects = new ArrayList<>();
        String code = text(data, "projectCode");
        if (code == null || !PROJECT_CODE.matcher(code).matches()) {
            defects.add("projectCode missing or not a project code: " + code);
        }
        String name = text(data, "projectName");
        if (name == null) {
            defects.add("projectName missing");
        }
        LocalDate acceptedOn = null;
        try {
            String on = text(data, "acceptedOn");
            acceptedOn = on == null ? null : LocalDate.parse(on);
        } catch (DateTimeParseException e) {
            defects.add("acceptedOn is not a date");
        }
        if (acceptedOn == null && defects.stream().noneMatch(d -> d.startsWith("acceptedOn"))) {
            defects.add("acceptedOn missing");
        }
        List<Building> buildings = buildings(data.get("buildings"), defects);
        if (!defects.isEmpty()) {
            return new Result(Optional.empty(), defects);
        }
        return new Result(
                Optional.of(new CompletionAnnouncement(
                        code,
                        name,
                        text(data, "landParcel"),
                        text(data, "developerUscc"),
                        acceptedOn,
                        text(data, "matterCode"),
                        buildings)),
                List.of());
    }

    public record Result(Optional<CompletionAnnouncement> announcement, List<String> defects) {}

    /** The project's units, ready for first registration, numbered by building and unit order. */
    public List<PropertyUnit> units(String jurisdiction) {
        List<PropertyUnit> units = new ArrayList<>();
        for (int b = 0; b < buildings.size(); b++) {
            Building building = buildings.get(b);
            for (int u = 1; u <= building.units(); u++) {
                units.add(new PropertyUnit(
                        UnitNumber.ofNewUnit(projectCode, b + 1, u),
                        jurisdiction,
                        projectCode,
                        building.name(),
                        projectName + " " + building.name() + " 第 " + u + " 户",
                        PropertyUnit.Status.READY,
                        null,
                        null,
                        0,
                        0));
            }
        }
        return units;
    }

    public CompletedProject completed(
            String jurisdiction, String acceptanceCase, String eventId, Instant announcedAt, Instant readyAt) {
        return new CompletedProject(
                projectCode,
                jurisdiction,
                projectName,
                landParcel,
                developerUscc,
                acceptedOn,
                acceptanceCase,
                matterCode == null ? "" : matterCode,
                eventId,
                announcedAt,
                readyAt,
                buildings.stream().mapToInt(Building::units).sum());
    }

    private static List<Building> buildings(Object given, List<String> defects) {
        if (!(given instanceof List<?> list) || list.isEmpty()) {
            defects.add("buildings missing or empty");
            return List.of();
        }
        List<Building> buildings = new ArrayList<>();
        long total = 0;
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> b)
                    || !(b.get("building") instanceof String name)
                    || name.isBlank()
                    || !(b.get("units") instanceof Number units)
                    || units.intValue() < 0
                    || units.doubleValue() != units.intValue()) {
                defects.add("a building without a name or a whole, non-negative number of units: " + item);
                continue;
            }
            if (list.stream()
                            .filter(o -> o instanceof Map<?, ?> m && name.equals(m.get("building")))
                            .count()
                    > 1) {
                defects.add("building " + name + " listed twice");
            }
            total += units.intValue();
            buildings.add(new Building(name.strip(), units.intValue()));
        }
        if (total > MAX_UNITS) {
            defects.add(total + " units, more than " + MAX_UNITS);
        }
        return defects.isEmpty() ? buildings : List.of();
    }

    private static String text(Map<String, Object> data, String key) {
        Object value = data.get(key);
        return value == null || value.toString().isBlank()
                ? null
                : value.toString().strip();
    }
}
