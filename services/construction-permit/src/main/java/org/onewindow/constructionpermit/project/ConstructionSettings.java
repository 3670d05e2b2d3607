package org.onewindow.constructionpermit.project;

import java.time.Period;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The construction service's settings ({@code onewindow.construction.*}): the departments of the
 * service centre, which the catalogue does not hold.
 *
 * @param participants matter code → the departments giving opinions in its parallel review
 *     (并联审查), beside the lead department ({@code onewindow.case.review-departments})
 * @param acceptanceChecks matter code → the departments of its joint completion acceptance (规划、
 *     消防、人防、城建档案 …)
 * @param verificationWithin the period to keep a 告知承诺 when the catalogue states none for the
 *     matter (decision D-CP-VERIFY in docs/construction-permit.md)
 */
@ConfigurationProperties("onewindow.construction")
public record ConstructionSettings(
        @DefaultValue Map<String, List<String>> participants,
        @DefaultValue Map<String, List<String>> acceptanceChecks,
        @DefaultValue("P3M") Period verificationWithin) {

    public List<String> participantsOf(String matterCode) {
        return participants.getOrDefault(matterCode, List.of());
    }

    public List<String> acceptanceChecksOf(String matterCode) {
        return acceptanceChecks.getOrDefault(matterCode, List.of());
    }
}
