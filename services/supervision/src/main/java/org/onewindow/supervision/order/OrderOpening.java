package org.onewindow.supervision.order;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onewindow.kernel.application.model.Applicant;
import org.onewindow.kernel.application.model.ApplicantType;
import org.onewindow.kernel.application.model.Application;
import org.onewindow.kernel.application.model.Channel;
import org.onewindow.kernel.application.model.Receipt;
import org.onewindow.kernel.catalogue.model.CatalogueLookup;
import org.onewindow.kernel.catalogue.model.Matter;
import org.onewindow.kernel.catalogue.model.MatterSelection;
import org.onewindow.kernel.catalogue.model.PromisedDates;
import org.onewindow.runtime.intake.Intake;
import org.onewindow.supervision.SupervisionSettings;
import org.onewindow.supervision.board.model.BoardCase;
import org.onewindow.supervision.order.model.Orders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Opens a 督办 or 整改 as a case of this service, once per cause: the catalogue's rules pick the
 * matter (a department's repeated breach this month gets 提级督办; only a rating at or below the
 * 差评 threshold gets a 整改), and the matter's limit gives the order its own deadline. Call it in
 * a transaction.
 */
@Component
public class OrderOpening {

    /** The model of each kind, by which the catalogue's candidate matters are found. */
    static final Map<Orders.Kind, String> PROCESS =
            Map.of(Orders.Kind.SUPERVISION_ORDER, "supervision-order", Orders.Kind.RECTIFICATION, "rectification");

    private static final Logger log = LoggerFactory.getLogger(OrderOpening.class);

    private final Intake intake;
    private final CatalogueLookup catalogue;
    private final Orders orders;
    private final SupervisionSettings settings;
    private final ZoneId zone;
    private final Clock clock;

    OrderOpening(
            Intake intake,
            CatalogueLookup catalogue,
            Orders orders,
            SupervisionSettings settings,
            PromisedDates dates,
            Clock clock) {
        this.intake = intake;
        this.catalogue = catalogue;
        this.orders = orders;
        this.settings = settings;
        this.zone = dates.zone();
        this.clock = clock;
    }

    /** 督办 for a case that broke its limit; the order's case number, empty if none was opened now. */
    public Optional<String> forBreach(BoardCase breached) {
        String department = departmentOf(breached);
        Instant monthStart = LocalDate.now(clock.withZone(zone))
                .withDayOfMonth(1)
                .atStartOfDay(zone)
                .toInstant();
        long before = orders.since(breached.jurisdiction(), department, Orders.Kind.SUPERVISION_ORDER, monthStart);
        return open(
                Orders.Kind.SUPERVISION_ORDER,
                "breach:" + breached.caseNumber(),
                breached,
                Map.of("departmentBreachesThisMonth", before));
    }

    /** 整改 for a rated case, if the catalogue counts the score as a 差评. */
    public Optional<String> forRating(BoardCase rated, int score) {
        return open(Orders.Kind.RECTIFICATION, "rating:" + rated.caseNumber(), rated, Map.of("ratingScore", score));
    }

    private Optional<String> open(Orders.Kind kind, String cause, BoardCase supervised, Map<String, Object> inputs) {
        if (orders.exists(cause)) {
            return Optional.empty();
        }
        String department = departmentOf(supervised);
        Map<String, Object> data = new LinkedHashMap<>(inputs);
        data.put("supervisedCase", supervised.caseNumber());
        data.put("supervisedService", supervised.service());
        data.put("supervisedDepartment", department);
        List<Matter> candidates =
                catalogue.inForce(supervised.jurisdiction(), LocalDate.now(clock.withZone(zone))).list().stream()
                        .filter(m -> m.processKey().equals(PROCESS.get(kind)))
                        .toList();
        Optional<Matter> matter = MatterSelection.select(candidates, data).recommended();
        if (matter.isEmpty()) {
            if (kind == Orders.Kind.SUPERVISION_ORDER) {
                log.warn("no 督办 matter of {} fits {}: none opened", supervised.jurisdiction(), data);
            }
            return Optional.empty();
        }
        Receipt receipt = intake.openOnItsOwn(
                cause,
                new Application(
                        supervised.jurisdiction(),
                        matter.get().code(),
                        Channel.WINDOW,
                        new Applicant(ApplicantType.AUTHORITY, department, null, null),
                        List.of(),
                        data));
        orders.record(new Orders.Opened(
                cause,
                kind,
                supervised.caseNumber(),
                receipt.caseNumber(),
                supervised.jurisdiction(),
                department,
                clock.instant()));
        return Optional.of(receipt.caseNumber());
    }

    private String departmentOf(BoardCase line) {
        return line.department() == null ? settings.supervisorsDepartment() : line.department();
    }
}
