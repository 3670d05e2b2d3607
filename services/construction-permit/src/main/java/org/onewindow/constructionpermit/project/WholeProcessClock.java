package org.onewindow.constructionpermit.project;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import org.onewindow.constructionpermit.project.model.Project;
import org.onewindow.kernel.catalogue.model.CatalogueLookup;
import org.onewindow.kernel.catalogue.model.CatalogueVersion;
import org.onewindow.kernel.catalogue.model.MatterLimit;
import org.onewindow.kernel.catalogue.model.PromisedDates;
import org.onewindow.kernel.clock.model.CaseClock;
import org.onewindow.kernel.clock.model.ClockKind;
import org.onewindow.kernel.clock.model.SlaLevel;
import org.onewindow.kernel.clock.model.StatutoryClock;
import org.onewindow.kernel.clock.model.TimeLimit;
import org.springframework.stereotype.Component;

/**
 * A project's whole-process clock (全流程时限): from its first acceptance, under the strictest
 * whole-process limit any of its matters states (QX: 100 working days), pausing for nothing; 公示,
 * 缴费 and special procedures pause only each permit's own approval clock.
 */
@Component
class WholeProcessClock {

    /** Where the project's whole process stands. */
    record Standing(Instant startedAt, TimeLimit limit, Instant dueAt, SlaLevel level) {}

    private final CatalogueLookup catalogue;
    private final PromisedDates dates;

    WholeProcessClock(CatalogueLookup catalogue, PromisedDates dates) {
        this.catalogue = catalogue;
        this.dates = dates;
    }

    Optional<Standing> of(Project project, Instant now) {
        CatalogueVersion version = catalogue.forClock(
                project.jurisdiction(),
                project.registeredAt().atZone(dates.zone()).toLocalDate());
        return project.cases().stream()
                .map(c -> catalogue.matter(version, c.matterCode()).wholeProcessLimit())
                .flatMap(Optional::stream)
                .map(MatterLimit::limit)
                .flatMap(Optional::stream)
                .min(Comparator.naturalOrder())
                .map(limit -> {
                    CaseClock clock = CaseClock.start(
                            ClockKind.WHOLE_PROCESS,
                            null,
                            project.registeredAt(),
                            limit,
                            Set.of(),
                            version.jurisdiction().warningThreshold(),
                            null);
                    StatutoryClock statutory = dates.clockOf(version.jurisdiction());
                    return new Standing(
                            project.registeredAt(),
                            limit,
                            clock.due(statutory, now).at(),
                            clock.level(statutory, now));
                });
    }
}
