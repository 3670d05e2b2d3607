package org.onewindow.gateway.routing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.onewindow.kernel.caseno.model.CaseNumber;
import org.onewindow.kernel.catalogue.model.Catalogue;
import org.onewindow.kernel.catalogue.model.Matter;
import org.onewindow.kernel.catalogue.model.OwningService;

/** 前台综合受理、后台分类审批: which back office owns an application or a case. */
final class BackOffices {

    private final Catalogue catalogue;
    private final Clock clock;

    BackOffices(Catalogue catalogue, Clock clock) {
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** The owner of the matter in the jurisdiction's catalogue in force today, if both exist. */
    Optional<OwningService> ownerOf(ApplicationHead head) {
        if (head == null || head.jurisdiction() == null || head.matterCode() == null) {
            return Optional.empty();
        }
        return catalogue
                .inForce(head.jurisdiction().toUpperCase(), LocalDate.now(clock))
                .flatMap(v -> v.matter(head.matterCode()))
                .map(Matter::service);
    }

    /** The owner a case number names (its second part), without verifying the check character. */
    static Optional<OwningService> ownerOf(String caseNumber) {
        return OwningService.byCode(CaseNumber.serviceCodeOf(caseNumber));
    }
}
