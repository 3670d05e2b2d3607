package org.onewindow.gateway.guide;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.onewindow.kernel.catalogue.model.ConditionInput;
import org.onewindow.kernel.problem.model.FieldViolation;
import org.onewindow.kernel.problem.model.Rejection;

/**
 * The inputs of a matter selection as query parameters: each named as a catalogue input and typed
 * as the catalogue types it (numbers, 是/否 flags, text), everything wrong listed at once.
 */
final class SelectionInputs {

    private SelectionInputs() {}

    static Map<String, Object> parse(Map<String, String> parameters, Set<String> others) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        List<FieldViolation> wrong = new ArrayList<>();
        parameters.forEach((key, raw) -> {
            if (others.contains(key)) {
                return;
            }
            Optional<ConditionInput> input = ConditionInput.byKey(key);
            if (input.isEmpty()) {
                wrong.add(FieldViolation.of(
                        key, "input.unknown", "没有该条件：" + key, "'" + key + "' is not a catalogue input"));
                return;
            }
            String value = raw.strip();
            switch (input.get().type()) {
                case NUMBER -> {
                    try {
                        inputs.put(key, new BigDecimal(value));
                    } catch (NumberFormatException e) {
                        wrong.add(FieldViolation.of(
                                key,
                                "input.not-a-number",
                                input.get().label().zh() + "应为数字（" + input.get().unit() + "），收到：" + value,
                                key + " must be a number in " + input.get().unit()));
                    }
                }
                case BOOLEAN -> {
                    if (value.equals("true") || value.equals("false")) {
                        inputs.put(key, Boolean.valueOf(value));
                    } else {
                        wrong.add(FieldViolation.of(
                                key,
                                "input.not-a-flag",
                                input.get().label().zh() + "应为 true 或 false，收到：" + value,
                                key + " must be true or false"));
                    }
                }
                case TEXT -> inputs.put(key, value);
            }
        });
        if (!wrong.isEmpty()) {
            throw Rejection.invalid(wrong.toArray(FieldViolation[]::new));
        }
        return inputs;
    }
}
