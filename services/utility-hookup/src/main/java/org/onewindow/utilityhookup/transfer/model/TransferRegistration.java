package org.onewindow.utilityhookup.transfer.model;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onewindow.kernel.acceptance.model.MaterialForm;
import org.onewindow.kernel.application.model.Applicant;
import org.onewindow.kernel.application.model.ApplicantType;
import org.onewindow.kernel.application.model.Application;
import org.onewindow.kernel.application.model.Channel;

/**
 * A registered property transfer as property-registration announces it
 * (property.transfer-registered, docs/events): the unit, its new owner and the day it was
 * registered, from which the 过户 applications are made on the new owner's behalf.
 */
public record TransferRegistration(
        String registrationCase, String unitNumber, String address, Applicant newOwner, LocalDate registeredOn) {

    /** What reading the event's data found: the transfer, or why it cannot be used. */
    public record Result(Optional<TransferRegistration> transfer, List<String> defects) {}

    public static Result read(String registrationCase, Map<String, Object> data) {
        List<String> defects = new ArrayList<>();
        String unit = text(data.get("unitNumber"));
        if (unit == null) {
            defects.add("unitNumber is missing");
        }
        Applicant owner = owner(data.get("newOwner"), defects);
        LocalDate on = null;
        String day = text(data.get("registeredOn"));
        if (day == null) {
            defects.add("registeredOn is missing");
        } else {
            try {
                on = LocalDate.parse(day);
            } catch (DateTimeParseException e) {
                defects.add("registeredOn '" + day + "' is not a date");
            }
        }
        if (!defects.isEmpty()) {
            return new Result(Optional.empty(), defects);
        }
        return new Result(
                Optional.of(new TransferRegistration(registrationCase, unit, text(data.get("address")), owner, on)),
                List.of());
    }

    private static Applicant owner(Object value, List<String> defects) {
        if (!(value instanceof Map<?, ?> owner)) {
            defects.add("newOwner is missing");
            return null;
        }
        String name = text(owner.get("name"));
        ApplicantType type = null;
        try {
            type = ApplicantType.valueOf(String.valueOf(owner.get("type")));
        } catch (IllegalArgumentException e) {
            defects.add("newOwner.type '" + owner.get("type") + "' is not ENTERPRISE or PERSON");
        }
        if (name == null) {
            defects.add("newOwner.name is missing");
        }
        String uscc = text(owner.get("uscc"));
        String idNumber = text(owner.get("idNumber"));
        if (uscc == null && idNumber == null) {
            defects.add("newOwner has neither uscc nor idNumber");
        }
        return new Applicant(type, name, uscc, idNumber);
    }

    private static String text(Object value) {
        return value == null || String.valueOf(value).isBlank()
                ? null
                : String.valueOf(value).strip();
    }

    /**
     * The 过户 application of one utility on the new owner's behalf: the new property certificate
     * (电子证照, issued by the registration) and the owner's identity stand in for the papers, the
     * pushed registration result for the 过户申请.
     */
    public Application application(String jurisdiction, String matterCode, String eventId) {
        String identity = newOwner.uscc() != null ? newOwner.uscc() : newOwner.idNumber();
        List<Application.Material> materials = List.of(
                new Application.Material("property-certificate", MaterialForm.E_LICENCE, "不动产转移登记 " + registrationCase),
                new Application.Material("new-owner-id", MaterialForm.E_LICENCE, identity),
                new Application.Material(
                        "transfer-application", MaterialForm.UPLOAD, "property.transfer-registered " + eventId));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("unitNumber", unitNumber);
        if (address != null) {
            data.put("address", address);
        }
        data.put("registeredOn", registeredOn.toString());
        data.put("registrationCase", registrationCase);
        return new Application(jurisdiction, matterCode, Channel.ONLINE, newOwner, materials, data);
    }
}
