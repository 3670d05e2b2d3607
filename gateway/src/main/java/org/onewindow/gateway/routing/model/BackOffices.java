package org.onewindow.gateway.routing.model;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.onewindow.kernel.caseno.model.CaseNumber;
import org.onewindow.kernel.catalogue.model.Catalogue;
import org.onewindow.kernel.catalogue.model.Matter;
import org.onewindow.kernel.catalogue.model.OwningService;

/** 前台综合受理、后台分类审批: which back office owns an application or a case. */
public final class BackOffices {

    private final Catalogue catalogue;
    private final Clock clock;

    public BackOffices(Catalogue catalogue, Clock clock) {
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** The owner of the matter in the jurisdiction's catalogue in force today, if both exist. */
    public Optional<OwningService> ownerOf(ApplicationHead head) {
        if (head == null || head.jurisdiction() == null || head.matterCode() == null) {
            return Optional.empty();
        }
        return catalogue
                .inForce(head.jurisdiction().toUpperCase(), LocalDate.now(clock))
                .flatMap(v -> v.matter(head.matterCode()))
                .map(Matter::service);
    }

    /** The owner a well-formed case number names; a mistyped one has none and is explained at the door. */
    public static Optional<OwningService> ownerOfValid(String caseNumber) {
        try {
            return Optional.of(CaseNumber.parse(caseNumber).service());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
