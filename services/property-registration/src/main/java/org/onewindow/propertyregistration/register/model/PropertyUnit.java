package org.onewindow.propertyregistration.register.model;

import java.time.LocalDate;

/**
 * One unit (不动产单元) on the register: where it is, who holds it, and what restricts it.
 *
 * @param status READY: built and accepted, waiting for its first registration (交房即办证);
 *     REGISTERED: has an owner; CANCELLED: 注销
 * @param seizures open seizures (查封, 轮候查封 included)
 * @param mortgages mortgages registered and not released
 */
public record PropertyUnit(
        String unitNumber,
        String jurisdiction,
        String projectCode,
        String building,
        String address,
        Status status,
        Owner owner,
        LocalDate registeredOn,
        int seizures,
        int mortgages) {

    public enum Status {
        READY,
        REGISTERED,
        CANCELLED
    }

    public boolean seized() {
        return seizures > 0;
    }
}
