package org.onewindow.kernel.catalogue.model;

import java.util.Arrays;
import java.util.Optional;

/** The back offices behind the single window; each owns its matters, database and topic. */
public enum OwningService {
    ENTERPRISE_OPENING("enterprise-opening", "EO"),
    CONSTRUCTION_PERMIT("construction-permit", "CP"),
    PROPERTY_REGISTRATION("property-registration", "PR"),
    UTILITY_HOOKUP("utility-hookup", "UT"),
    SUPERVISION("supervision", "SV");

    private final String id;
    private final String code;

    OwningService(String id, String code) {
        this.id = id;
        this.code = code;
    }

    /** Kebab-case service id, as in module names and catalogue files. */
    public String id() {
        return id;
    }

    /** Two-letter code used in matter codes and case numbers. */
    public String code() {
        return code;
    }

    /** The Kafka topic of this service's case events. */
    public String topic() {
        return "onewindow." + id + ".case-events";
    }

    public static Optional<OwningService> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    public static Optional<OwningService> byCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
