package org.onewindow.utilityhookup.transfer;

import java.util.List;
import java.util.Set;
import org.onewindow.kernel.application.model.Receipt;
import org.onewindow.kernel.catalogue.model.CatalogueLookup;
import org.onewindow.kernel.catalogue.model.Matter;
import org.onewindow.kernel.catalogue.model.OwningService;
import org.onewindow.kernel.events.CaseEvent;
import org.onewindow.runtime.consumer.CaseEventHandler;
import org.onewindow.runtime.consumer.MalformedEventData;
import org.onewindow.runtime.intake.Intake;
import org.onewindow.utilityhookup.connection.UtilitySettings;
import org.onewindow.utilityhookup.transfer.model.TransferRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 过户 (UT-X): a transfer registered by property-registration opens one 过户 case for each utility
 * whose 过户 the jurisdiction's catalogue coordinates on the registration day (its matter in force
 * then, its company flagged as meeting the coordination conditions). All of them or none: they open
 * in the inbox's transaction, and the runtime handles each event once; the event's id is each case's
 * {@code caused_by}, so none opens twice. Unusable data goes to the dead-letter topic.
 */
@Component
class TransferRegisteredHandler implements CaseEventHandler {

    private static final Logger log = LoggerFactory.getLogger(TransferRegisteredHandler.class);

    private final CatalogueLookup catalogue;
    private final Intake intake;
    private final UtilitySettings settings;

    TransferRegisteredHandler(CatalogueLookup catalogue, Intake intake, UtilitySettings settings) {
        this.catalogue = catalogue;
        this.intake = intake;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "transfer-cases";
    }

    @Override
    public String topic() {
        return OwningService.PROPERTY_REGISTRATION.topic();
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("property.transfer-registered");
    }

    @Override
    public void handle(CaseEvent event) {
        TransferRegistration.Result read = TransferRegistration.read(event.subject(), event.data());
        TransferRegistration transfer = read.transfer()
                .orElseThrow(() -> new MalformedEventData("property.transfer-registered " + event.id() + " of "
                        + event.subject() + ": " + String.join("; ", read.defects())));
        for (Matter matter : coordinated(event.jurisdiction(), transfer)) {
            Receipt receipt =
                    intake.openFor(event, transfer.application(event.jurisdiction(), matter.code(), event.id()), null);
            if (!receipt.opensACase()) {
                throw new MalformedEventData("property.transfer-registered " + event.id() + ": " + matter.code()
                        + " not opened (" + receipt.outcome() + ")");
            }
            log.info(
                    "过户 {} opened as {} for transfer {} ({})",
                    matter.code(),
                    receipt.caseNumber(),
                    event.subject(),
                    event.id());
        }
    }

    /** The 过户 matters coordinated on the registration day, as that day's catalogue says. */
    private List<Matter> coordinated(String jurisdiction, TransferRegistration transfer) {
        try {
            return catalogue.inForce(jurisdiction, transfer.registeredOn()).list().stream()
                    .filter(m -> m.service() == OwningService.UTILITY_HOOKUP)
                    .filter(m -> settings.transferProcess().equals(m.processKey()))
                    .filter(m -> m.inForceOn(transfer.registeredOn()))
                    .filter(Matter::coordinated)
                    .toList();
        } catch (RuntimeException e) {
            throw new MalformedEventData("property.transfer-registered of " + transfer.registrationCase()
                    + ": no catalogue of " + jurisdiction + " in force on " + transfer.registeredOn() + " ("
                    + e.getMessage() + ")");
        }
    }
}
