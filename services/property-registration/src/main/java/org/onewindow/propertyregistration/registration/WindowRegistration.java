package org.onewindow.propertyregistration.registration;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.onewindow.kernel.application.model.Application;
import org.onewindow.kernel.catalogue.model.Matter;
import org.onewindow.kernel.catalogue.model.PromisedDates;
import org.onewindow.propertyregistration.registration.model.CertificationNumber;
import org.onewindow.runtime.extension.ImmediateCompletion;
import org.springframework.stereotype.Component;

/**
 * 即时办结 (PR-1: 查封, 解押, 地址变更, 更名, 异议 where the catalogue says so): the registration is
 * made (登簿) while the applicant waits, and the receipt carries the 不动产登记证明号. The runtime
 * asks only for matters whose approval limit is IMMEDIATE; every such registration is decided here.
 */
@Component
class WindowRegistration implements ImmediateCompletion {

    private final ZoneId zone;
    private final Clock clock;

    WindowRegistration(PromisedDates dates, Clock clock) {
        this.zone = dates.zone();
        this.clock = clock;
    }

    @Override
    public boolean decidesAtWindow(Matter matter) {
        return true;
    }

    @Override
    public Map<String, Object> decide(String caseNumber, Matter matter, Application application) {
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("registeredOn", today.toString());
        results.put("certificationNumber", CertificationNumber.of(application.jurisdiction(), today, caseNumber));
        return results;
    }
}
