package org.onewindow.propertyregistration.tax;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.onewindow.kernel.catalogue.model.PromisedDates;
import org.onewindow.runtime.casefile.model.CaseFiles;
import org.onewindow.runtime.external.ExternalSystems;
import org.springframework.stereotype.Component;

/**
 * 以物抵债 (ST PR-13): "受让方缴纳契税、印花税后，不动产登记机构予以办理登记". The model asks the tax office
 * ({@code GET /tax/cases/{caseNumber}/payment}, through the guarded client) whether the transferee has
 * paid, again every {@code onewindow.property.tax-poll-interval} while the clock stands still for
 * TAX_PAYMENT; the tax office's system offers no notice the platform could receive. Sets {@code
 * taxPaid}; a paid case keeps the day as {@code results.taxPaidOn}.
 */
@Component("taxPaymentCheck")
class TaxPaymentCheck implements JavaDelegate {

    static final String TAX_OFFICE = "tax";

    private final ExternalSystems systems;
    private final CaseFiles cases;
    private final ZoneId zone;
    private final Clock clock;

    TaxPaymentCheck(ExternalSystems systems, CaseFiles cases, PromisedDates dates, Clock clock) {
        this.systems = systems;
        this.cases = cases;
        this.zone = dates.zone();
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = (String) execution.getVariable("caseNumber");
        Map<String, Object> answer = systems.ask(TAX_OFFICE, caseNumber, "payment");
        boolean paid = Boolean.TRUE.equals(answer.get("paid"));
        execution.setVariable("taxPaid", paid);
        if (paid) {
            Object on = answer.get("paidOn");
            cases.addResults(
                    caseNumber,
                    Map.of(
                            "taxPaidOn",
                            on != null
                                    ? on.toString()
                                    : clock.instant().atZone(zone).toLocalDate().toString()));
        }
    }
}
