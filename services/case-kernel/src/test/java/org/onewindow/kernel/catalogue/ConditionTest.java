package org.onewindow.kernel.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.catalogue.model.Condition;
import org.onewindow.kernel.catalogue.model.Condition.Operator;
import org.onewindow.kernel.catalogue.model.Condition.Outcome;
import org.onewindow.kernel.catalogue.model.ConditionInput;

class ConditionTest {

    private final Condition upTo160Kva =
            new Condition(ConditionInput.CAPACITY_KVA, Operator.LE, List.of(new BigDecimal("160")));

    @Test
    void aBoundIsInclusiveForLe() {
        assertThat(upTo160Kva.test(Map.of("capacityKva", 160))).isEqualTo(Outcome.MET);
        assertThat(upTo160Kva.test(Map.of("capacityKva", "160.0"))).isEqualTo(Outcome.MET);
        assertThat(upTo160Kva.test(Map.of("capacityKva", 160.5))).isEqualTo(Outcome.NOT_MET);
    }

    @Test
    void anAbsentOrNonNumericInputIsMissingNotFalse() {
        assertThat(upTo160Kva.test(Map.of())).isEqualTo(Outcome.MISSING);
        assertThat(upTo160Kva.test(Map.of("capacityKva", "a lot"))).isEqualTo(Outcome.MISSING);
    }

    @Test
    void inMatchesAnyListedNumberNotOnlyTheFirst() {
        Condition listed = new Condition(
                ConditionInput.CAPACITY_KVA, Operator.IN, List.of(new BigDecimal("100"), new BigDecimal("160")));
        assertThat(listed.test(Map.of("capacityKva", 160))).isEqualTo(Outcome.MET);
        assertThat(listed.test(Map.of("capacityKva", 100))).isEqualTo(Outcome.MET);
        assertThat(listed.test(Map.of("capacityKva", 120))).isEqualTo(Outcome.NOT_MET);
    }

    @Test
    void textInMatchesAnyListedValue() {
        Condition category = new Condition(ConditionInput.PROJECT_CATEGORY, Operator.IN, List.of("A", "B"));
        assertThat(category.test(Map.of("projectCategory", "B"))).isEqualTo(Outcome.MET);
        assertThat(category.test(Map.of("projectCategory", "C"))).isEqualTo(Outcome.NOT_MET);
    }

    @Test
    void readsAsAClerkWouldSayIt() {
        assertThat(upTo160Kva.zh()).isEqualTo("报装容量 ≤ 160 kVA");
        assertThat(new Condition(ConditionInput.TAX_PREPAID, Operator.EQ, List.of(true)).zh())
                .isEqualTo("是否已完税：是");
        assertThat(new Condition(
                                ConditionInput.PROJECT_CATEGORY,
                                Operator.IN,
                                List.of("gov-building", "social-building"))
                        .zh())
                .isEqualTo("项目类别：gov-building、social-building 之一");
    }
}
