package org.onewindow.kernel.catalogue.model;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * 事项引导 ("which matter do I need"): the matters whose routing thresholds an applicant's inputs
 * meet, by the catalogue's own conditions, so that the guide, the form and the intake never
 * disagree. Only matters with thresholds take part: one without any is chosen by its name.
 *
 * <p>The most specific fit (the most thresholds met) is recommended; where two fit equally well
 * none is, and both are listed. When nothing fits, the answer names the thresholds the inputs miss
 * for the matters that come closest, never a default.
 */
public final class MatterSelection {

    private MatterSelection() {}

    /** A threshold a matter tests, with what the applicant gave for it (null when not given). */
    public record Test(Condition condition, Object given) {
        public String input() {
            return condition.input().key();
        }
    }

    /** A matter the inputs fit: every threshold met. */
    public record Fit(Matter matter, List<Condition> met) {}

    /** A matter that fits only if the inputs it asks for are given: no threshold failed yet. */
    public record Open(Matter matter, List<Test> missing) {}

    /** A matter the inputs do not fit, with the thresholds they miss. */
    public record OutOfRange(Matter matter, List<Test> notMet, List<Test> missing) {
        int failing() {
            return notMet.size() + missing.size();
        }
    }

    /**
     * @param recommended the one most specific fit; empty when nothing fits or several fit equally
     * @param outOfRange only when nothing fits: the closest matters and what keeps each out
     */
    public record Answer(Optional<Matter> recommended, List<Fit> fits, List<Open> open, List<OutOfRange> outOfRange) {

        /** The answer in one sentence a clerk can read out. */
        public String zh() {
            if (recommended.isPresent()) {
                return "适用事项：" + recommended.get().code() + " "
                        + recommended.get().name().zh();
            }
            if (!fits.isEmpty()) {
                return "以下事项同样适用，请按实际情况选择："
                        + fits.stream()
                                .map(f -> f.matter().code() + " "
                                        + f.matter().name().zh())
                                .collect(Collectors.joining("；"));
            }
            StringBuilder text = new StringBuilder("没有适用的事项");
            if (!outOfRange.isEmpty()) {
                text.append("：")
                        .append(outOfRange.stream()
                                .map(o -> o.matter().code() + " 要求"
                                        + o.notMet().stream()
                                                .map(t -> t.condition().zh() + "（申请为 " + t.given() + "）")
                                                .collect(Collectors.joining("、")))
                                .collect(Collectors.joining("；")));
            }
            if (!open.isEmpty()) {
                text.append("。补充以下条件后可能适用：")
                        .append(open.stream()
                                .map(o -> o.matter().code() + " 需填写"
                                        + o.missing().stream()
                                                .map(t -> t.condition()
                                                        .input()
                                                        .label()
                                                        .zh())
                                                .collect(Collectors.joining("、")))
                                .collect(Collectors.joining("；")));
            }
            return text.toString();
        }
    }

    public static Answer select(List<Matter> candidates, Map<String, ?> inputs) {
        List<Matter> tested = candidates.stream()
                .filter(m -> !m.conditions().isEmpty())
                .sorted(Comparator.comparing(Matter::code))
                .toList();
        List<Fit> fits = tested.stream()
                .filter(m -> m.conditions().stream().allMatch(c -> c.test(inputs) == Condition.Outcome.MET))
                .map(m -> new Fit(m, m.conditions()))
                .sorted(Comparator.comparingInt((Fit f) -> -f.met().size()))
                .toList();
        List<Open> open = tested.stream()
                .filter(m -> m.conditions().stream().noneMatch(c -> c.test(inputs) == Condition.Outcome.NOT_MET))
                .filter(m -> m.conditions().stream().anyMatch(c -> c.test(inputs) == Condition.Outcome.MISSING))
                .map(m -> new Open(m, tests(m, inputs, Condition.Outcome.MISSING)))
                .toList();
        return new Answer(recommended(fits), fits, open, fits.isEmpty() ? closest(tested, inputs) : List.of());
    }

    private static Optional<Matter> recommended(List<Fit> fits) {
        if (fits.isEmpty()) {
            return Optional.empty();
        }
        boolean tie =
                fits.size() > 1 && fits.get(1).met().size() == fits.get(0).met().size();
        return tie ? Optional.empty() : Optional.of(fits.get(0).matter());
    }

    /**
     * The matters missed by the fewest thresholds, among those that met at least one; when none met
     * any (each matter tests one input and the answer failed it), among all of them, so that the
     * answer still says what each would take.
     */
    private static List<OutOfRange> closest(List<Matter> tested, Map<String, ?> inputs) {
        List<OutOfRange> misses = tested.stream()
                .map(m -> new OutOfRange(
                        m, tests(m, inputs, Condition.Outcome.NOT_MET), tests(m, inputs, Condition.Outcome.MISSING)))
                .filter(o -> !o.notMet().isEmpty())
                .toList();
        List<OutOfRange> near = misses.stream()
                .filter(o -> o.matter().conditions().size() > o.failing())
                .toList();
        List<OutOfRange> pool = near.isEmpty() ? misses : near;
        int fewest = pool.stream().mapToInt(OutOfRange::failing).min().orElse(0);
        return pool.stream().filter(o -> o.failing() == fewest).toList();
    }

    private static List<Test> tests(Matter matter, Map<String, ?> inputs, Condition.Outcome outcome) {
        return matter.conditions().stream()
                .filter(c -> c.test(inputs) == outcome)
                .map(c -> new Test(c, inputs.get(c.input().key())))
                .toList();
    }
}
