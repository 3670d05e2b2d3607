package org.onewindow.kernel.caseno;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.caseno.model.CaseNumber;
import org.onewindow.kernel.caseno.model.InvalidCaseNumberException;
import org.onewindow.kernel.catalogue.model.OwningService;

class CaseNumberTest {

    private static final String DIGITS_AND_LETTERS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    @Test
    void readsAsJurisdictionServiceDaySequenceAndCheck() {
        CaseNumber number = new CaseNumber("FC", OwningService.ENTERPRISE_OPENING, LocalDate.of(2026, 11, 22), 42);
        assertThat(number.toString()).isEqualTo("FC-EO-20261122-000042-C");
        assertThat(CaseNumber.parse(number.toString())).isEqualTo(number);
    }

    @Test
    void explainsAMalformedNumber() {
        assertThatThrownBy(() -> CaseNumber.parse("FC-EO-2026-42"))
                .isInstanceOf(InvalidCaseNumberException.class)
                .hasMessageContaining("FC-EO-20261122-000042");
    }

    @Property
    void everySingleMistypedCharacterIsCaught(
            @ForAll @LongRange(min = 1, max = 999_999) long sequence,
            @ForAll @IntRange(min = 0, max = 21) int position,
            @ForAll @IntRange(min = 1, max = 35) int shift) {
        String good = new CaseNumber("LC", OwningService.UTILITY_HOOKUP, LocalDate.of(2026, 3, 5), sequence).toString();
        if (good.charAt(position) == '-') {
            return;
        }
        char original = good.charAt(position);
        char typo = DIGITS_AND_LETTERS.charAt((DIGITS_AND_LETTERS.indexOf(original) + shift) % 36);
        String mistyped = good.substring(0, position) + typo + good.substring(position + 1);
        assertThatThrownBy(() -> CaseNumber.parse(mistyped)).isInstanceOf(InvalidCaseNumberException.class);
    }

    @Property
    void everySwapOfAdjacentCharactersIsCaught(
            @ForAll @LongRange(min = 1, max = 999_999) long sequence,
            @ForAll @IntRange(min = 0, max = 20) int position) {
        String good = new CaseNumber("QX", OwningService.PROPERTY_REGISTRATION, LocalDate.of(2025, 10, 9), sequence)
                .toString();
        char a = good.charAt(position);
        char b = good.charAt(position + 1);
        if (a == b || a == '-' || b == '-') {
            return;
        }
        String swapped = good.substring(0, position) + b + a + good.substring(position + 2);
        assertThatThrownBy(() -> CaseNumber.parse(swapped)).isInstanceOf(InvalidCaseNumberException.class);
    }
}
