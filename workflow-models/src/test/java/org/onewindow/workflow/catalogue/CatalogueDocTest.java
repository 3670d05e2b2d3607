package org.onewindow.workflow.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.catalogue.infrastructure.CatalogueLoader;
import org.onewindow.kernel.catalogue.model.Catalogue;
import org.onewindow.kernel.catalogue.model.Matter;
import org.onewindow.kernel.catalogue.model.MatterLimit;
import org.onewindow.kernel.clock.model.ClockKind;

/**
 * docs/catalogue.md says how many matters and limits the catalogue has; it must say what the data
 * says (it once counted 204 limits for 207).
 */
class CatalogueDocTest {

    private static final Catalogue CATALOGUE = new CatalogueLoader().load("classpath*:catalogue");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private static String doc() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/catalogue.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir)
                .as("docs/catalogue.md above " + Path.of("").toAbsolutePath())
                .isNotNull();
        return Files.readString(dir.resolve("docs/catalogue.md"));
    }

    private static List<Matter> matters() {
        return CATALOGUE.jurisdictions().stream()
                .flatMap(j -> CATALOGUE.inForce(j, TODAY).orElseThrow().list().stream())
                .toList();
    }

    @Test
    void theLimitCountsAreTheData() throws IOException {
        Matcher m = Pattern.compile(
                        "The (\\d+) matters carry (\\d+) limits: (\\d+) APPROVAL, (\\d+) WHOLE_PROCESS and (\\d+) STEP"
                                + "[^.]*\\.\\s+(\\d+) of the\\s+APPROVAL limits are `NOT_STATED`")
                .matcher(doc());
        assertThat(m.find()).as("the counting sentence of docs/catalogue.md").isTrue();
        List<MatterLimit> limits =
                matters().stream().flatMap(x -> x.limits().stream()).toList();
        Map<ClockKind, Long> byClock =
                limits.stream().collect(Collectors.groupingBy(MatterLimit::clock, Collectors.counting()));
        long notStated = limits.stream()
                .filter(l -> l.clock() == ClockKind.APPROVAL && l.limit().isEmpty())
                .count();

        assertThat(List.of(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6)))
                .containsExactly(
                        String.valueOf(matters().size()),
                        String.valueOf(limits.size()),
                        String.valueOf(byClock.getOrDefault(ClockKind.APPROVAL, 0L)),
                        String.valueOf(byClock.getOrDefault(ClockKind.WHOLE_PROCESS, 0L)),
                        String.valueOf(byClock.getOrDefault(ClockKind.STEP, 0L)),
                        String.valueOf(notStated));
    }

    @Test
    void theMatterTableIsTheData() throws IOException {
        String doc = doc();
        for (String jurisdiction : CATALOGUE.jurisdictions()) {
            Map<String, Long> byService = CATALOGUE.inForce(jurisdiction, TODAY).orElseThrow().list().stream()
                    .collect(Collectors.groupingBy(x -> x.service().id(), Collectors.counting()));
            Matcher row = Pattern.compile(
                            "\\| " + jurisdiction + " \\S+ \\| [\\d-]+ \\| (\\d+) \\| (\\d+) \\| (\\d+) \\| (\\d+) \\|")
                    .matcher(doc);
            assertThat(row.find()).as("the row of " + jurisdiction).isTrue();
            assertThat(List.of(row.group(1), row.group(2), row.group(3), row.group(4)))
                    .as(jurisdiction
                            + ": enterprise-opening, construction-permit, property-registration, utility-hookup")
                    .containsExactly(
                            String.valueOf(byService.getOrDefault("enterprise-opening", 0L)),
                            String.valueOf(byService.getOrDefault("construction-permit", 0L)),
                            String.valueOf(byService.getOrDefault("property-registration", 0L)),
                            String.valueOf(byService.getOrDefault("utility-hookup", 0L)));
        }
    }
}
