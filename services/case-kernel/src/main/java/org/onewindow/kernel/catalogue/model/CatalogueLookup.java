package org.onewindow.kernel.catalogue.model;

import java.time.LocalDate;
import java.util.List;
import org.onewindow.kernel.problem.model.FieldViolation;
import org.onewindow.kernel.problem.model.Rejection;

/** Finds the catalogue version and matter a request names, or says plainly which part is unknown. */
public final class CatalogueLookup {

    private final Catalogue catalogue;

    public CatalogueLookup(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The version of the jurisdiction's catalogue in force on the given day. */
    public CatalogueVersion inForce(String jurisdiction, LocalDate on) {
        String code = normalise(jurisdiction);
        if (!catalogue.knows(code)) {
            throw Rejection.notFound(
                    "jurisdiction.unknown",
                    "jurisdiction",
                    "不受理该辖区的事项：" + jurisdiction + "（可选：" + known() + "）",
                    "jurisdiction '" + jurisdiction + "' is not served here; known: " + known());
        }
        return catalogue
                .inForce(code, on)
                .orElseThrow(() -> Rejection.notFound(
                        "catalogue.not-in-force",
                        "jurisdiction",
                        code + " 在 " + on + " 没有生效的事项目录",
                        "no catalogue of " + code + " was in force on " + on));
    }

    /**
     * The version whose office hours drive the raw clock on a day: the one in force, or for days
     * before the first version took effect, the first version (the calendar itself goes back to 2019).
     */
    public CatalogueVersion forClock(String jurisdiction, LocalDate on) {
        String code = normalise(jurisdiction);
        if (catalogue.knows(code) && catalogue.inForce(code, on).isEmpty()) {
            return catalogue.versions(code).get(0);
        }
        return inForce(jurisdiction, on);
    }

    public Matter matter(CatalogueVersion version, String matterCode) {
        return version.matter(matterCode)
                .orElseThrow(() -> Rejection.notFound(
                        "matter.unknown",
                        "matterCode",
                        version.jurisdiction().code() + " 的事项目录中没有事项 " + matterCode,
                        "matter '" + matterCode + "' is not in the catalogue of "
                                + version.jurisdiction().code() + " (version " + version.version() + ")"));
    }

    /** Jurisdiction codes are two capital letters; "fc" is taken to mean FC. */
    public static String normalise(String jurisdiction) {
        if (jurisdiction == null || !jurisdiction.matches("[A-Za-z]{2}")) {
            throw Rejection.invalid(FieldViolation.of(
                    "jurisdiction",
                    "jurisdiction.malformed",
                    "辖区代码应为两个字母，如 FC",
                    "a jurisdiction is two letters, such as FC"));
        }
        return jurisdiction.toUpperCase();
    }

    public List<String> known() {
        return catalogue.jurisdictions().stream().sorted().toList();
    }
}
