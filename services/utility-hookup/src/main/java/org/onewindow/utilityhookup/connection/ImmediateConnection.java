package org.onewindow.utilityhookup.connection;

import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.onewindow.kernel.application.model.Application;
import org.onewindow.kernel.catalogue.model.Matter;
import org.onewindow.kernel.catalogue.model.PromisedDates;
import org.onewindow.runtime.extension.ImmediateCompletion;
import org.springframework.stereotype.Component;

/**
 * 申请后立即装表、开通 (FC UT-W1: water with no external works): the meter is fitted and the supply
 * opened while the applicant is at the window, so the case is decided in the intake and the receipt
 * says when. The runtime asks only for matters whose approval limit is IMMEDIATE.
 */
@Component
class ImmediateConnection implements ImmediateCompletion {

    private final UtilitySettings settings;
    private final ZoneId zone;
    private final Clock clock;

    ImmediateConnection(UtilitySettings settings, PromisedDates dates, Clock clock) {
        this.settings = settings;
        this.zone = dates.zone();
        this.clock = clock;
    }

    @Override
    public boolean decidesAtWindow(Matter matter) {
        return settings.connectionProcess().equals(matter.processKey());
    }

    @Override
    public Map<String, Object> decide(String caseNumber, Matter matter, Application application) {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("connectedOn", clock.instant().atZone(zone).toLocalDate().toString());
        return results;
    }
}
