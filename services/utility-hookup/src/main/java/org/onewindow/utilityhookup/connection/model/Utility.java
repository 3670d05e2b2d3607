package org.onewindow.utilityhookup.connection.model;

import java.util.Optional;

/**
 * The utility a matter connects or transfers, read from its code as the catalogue fixes it
 * (D-ALL-02): UT-E electricity, UT-W water, UT-G gas, UT-H heat, UT-T telecom, UT-D drainage; the
 * 过户 suffixes UT-Xa … UT-Xd electricity, water, gas, heat.
 */
public enum Utility {
    ELECTRICITY("供电"),
    WATER("供水"),
    GAS("供气"),
    HEAT("供热"),
    TELECOM("通信"),
    DRAINAGE("排水");

    private final String zh;

    Utility(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }

    /** The code family of its connection matters: UT-E, UT-W … */
    public String family() {
        return "UT-" + name().charAt(0);
    }

    /** A 联合报装 component id (electricity, water …) as the catalogue names it. */
    public static Optional<Utility> ofComponent(String component) {
        return java.util.Arrays.stream(values())
                .filter(u -> u.name().equalsIgnoreCase(component))
                .findFirst();
    }

    /** Empty for a matter of no single utility (UT-J1 联合报装) or of another service. */
    public static Optional<Utility> of(String matterCode) {
        if (matterCode == null || !matterCode.startsWith("UT-") || matterCode.length() < 4) {
            return Optional.empty();
        }
        String rest = matterCode.substring(3);
        if (rest.startsWith("X")) {
            return switch (rest) {
                case "Xa" -> Optional.of(ELECTRICITY);
                case "Xb" -> Optional.of(WATER);
                case "Xc" -> Optional.of(GAS);
                case "Xd" -> Optional.of(HEAT);
                default -> Optional.empty();
            };
        }
        return switch (rest.charAt(0)) {
            case 'E' -> Optional.of(ELECTRICITY);
            case 'W' -> Optional.of(WATER);
            case 'G' -> Optional.of(GAS);
            case 'H' -> Optional.of(HEAT);
            case 'T' -> Optional.of(TELECOM);
            case 'D' -> Optional.of(DRAINAGE);
            default -> Optional.empty();
        };
    }
}
