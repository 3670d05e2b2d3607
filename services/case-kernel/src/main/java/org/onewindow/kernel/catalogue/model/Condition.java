package org.onewindow.kernel.catalogue.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.onewindow.kernel.text.LocalizedText;

/**
 * A routing threshold: the matter applies only when {@code input op value} holds for the
 * application's data, e.g. {@code capacityKva LE 160}.
 *
 * @param notRequired when set, the threshold is where the matter becomes optional, not where it
 *     stops applying (ST: works up to CNY 1 million or 500 m² 可以不申请 a construction permit):
 *     data below it is accepted all the same, and the receipt says, in these words, that the
 *     application was not required
 */
public record Condition(ConditionInput input, Operator op, List<Object> values, LocalizedText notRequired) {

    public Condition(ConditionInput input, Operator op, List<Object> values) {
        this(input, op, values, null);
    }

    /** Comparison operators; bounds are as the catalogue entry decides. */
    public enum Operator {
        LE,
        LT,
        GE,
        GT,
        EQ,
        IN
    }

    /** What testing a condition against application data found. */
    public enum Outcome {
        MET,
        NOT_MET,
        /** The application does not give the input, or gives it in the wrong form. */
        MISSING
    }

    public Condition {
        values = List.copyOf(values);
    }

    public Outcome test(Map<String, ?> data) {
        Object given = data.get(input.key());
        if (given == null) {
            return Outcome.MISSING;
        }
        return switch (input.type()) {
            case NUMBER -> testNumber(given);
            case BOOLEAN -> given instanceof Boolean b ? outcome(b.equals(values.get(0))) : Outcome.MISSING;
            case TEXT -> outcome(values.contains(String.valueOf(given)));
        };
    }

    private Outcome testNumber(Object given) {
        BigDecimal actual;
        try {
            actual = new BigDecimal(String.valueOf(given));
        } catch (NumberFormatException e) {
            return Outcome.MISSING;
        }
        if (op == Operator.IN) {
            return outcome(values.stream().anyMatch(v -> actual.compareTo(number(v)) == 0));
        }
        int cmp = actual.compareTo(number(values.get(0)));
        return outcome(
                switch (op) {
                    case LE -> cmp <= 0;
                    case LT -> cmp < 0;
                    case GE -> cmp >= 0;
                    case GT -> cmp > 0;
                    case EQ, IN -> cmp == 0;
                });
    }

    private static BigDecimal number(Object value) {
        return new BigDecimal(String.valueOf(value));
    }

    private static Outcome outcome(boolean met) {
        return met ? Outcome.MET : Outcome.NOT_MET;
    }

    /** The threshold as a clerk reads it: 是否已完税：是, 报装容量 ≤ 160 kVA, 项目类别：… 之一. */
    public String zh() {
        String unit = input.unit() == null ? "" : " " + input.unit();
        String name = input.label().zh();
        if (input.type() == ConditionInput.Type.BOOLEAN) {
            return name + "：" + (Boolean.TRUE.equals(values.get(0)) ? "是" : "否");
        }
        return switch (op) {
            case LE -> name + " ≤ " + values.get(0) + unit;
            case LT -> name + " < " + values.get(0) + unit;
            case GE -> name + " ≥ " + values.get(0) + unit;
            case GT -> name + " > " + values.get(0) + unit;
            case EQ -> name + "：" + values.get(0) + unit;
            case IN ->
                name + "："
                        + String.join("、", values.stream().map(String::valueOf).toList()) + " 之一";
        };
    }

    @Override
    public String toString() {
        String unit = input.unit() == null ? "" : " " + input.unit();
        return input.key() + " " + op + " " + (values.size() == 1 ? values.get(0) : values) + unit;
    }
}
