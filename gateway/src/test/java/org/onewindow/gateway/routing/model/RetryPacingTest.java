package org.onewindow.gateway.routing.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPacingTest {

    private static final long T = 1_796_400_000L;

    private final RetryPacing pacing = new RetryPacing(1, 10);

    @Test
    void theFirstRefusalAfterQuietIsAskedToComeBackInTheShortestTime() {
        admit(T - 5, 5, 100);

        assertThat(pacing.refused(T)).isEqualTo(1);
    }

    @Test
    void aCrowdTwiceTheBackOfficesPaceKeepsTheShortestTime() {
        // 100 admitted a second; 200 refused in the last second: they come back at 2 × pace
        admit(T - 5, 5, 100);
        refuse(T - 1, 200);

        assertThat(pacing.refused(T)).isEqualTo(1);
    }

    @Test
    void aLargerCrowdIsSpreadSoItComesBackAtTwiceThePace() {
        admit(T - 5, 5, 100);
        refuse(T - 1, 600);

        assertThat(pacing.refused(T)).as("600 waiting / (2 × 100 a second)").isEqualTo(3);
    }

    @Test
    void callersStillAwayAreCountedUntilTheirTimeIsUp() {
        crowdToldAtTToWait3s(598); // with the two below, 600

        assertThat(pacing.refused(T + 1)).as("the 600 told at T to wait 3 s").isEqualTo(3);
        assertThat(pacing.refused(T + 2)).isEqualTo(3);
    }

    /** Back at T + 3: those turned away again count once, by their latest refusal; the rest are served. */
    @ParameterizedTest(name = "{0} of the 600 turned away again: {1} s")
    @CsvSource({"599, 3", "100, 1"})
    void theAdviceFollowsTheCallersTurnedAwayAgain(int turnedAwayAgain, long advice) {
        crowdToldAtTToWait3s(600);
        refuse(T + 3, turnedAwayAgain);

        assertThat(pacing.refused(T + 4)).isEqualTo(advice);
    }

    @Test
    void noCallerIsAskedToWaitLongerThanTheLongest() {
        admit(T - 5, 5, 100);
        refuse(T - 1, 5_000);

        assertThat(pacing.refused(T)).isEqualTo(10);
        assertThat(pacing.current()).isEqualTo(10);
    }

    @Test
    void aBackOfficeThatAdmittedNothingCountsAsOneCallASecond() {
        refuse(T - 1, 8);

        assertThat(pacing.refused(T)).as("8 waiting / (2 × 1)").isEqualTo(4);
    }

    @Test
    void countsOlderThanTheyCanMatterAreForgotten() {
        admit(T - 5, 5, 100);
        refuse(T - 1, 5_000);
        assertThat(pacing.refused(T)).isEqualTo(10);

        assertThat(pacing.refused(T + 200))
                .as("200 s later, nobody has been refused since")
                .isEqualTo(1);
    }

    @Test
    void oneAdviceASecond() {
        admit(T - 5, 5, 100);
        assertThat(pacing.refused(T)).isEqualTo(1);
        refuse(T, 5_000);

        assertThat(pacing.refused(T))
                .as("the current second's refusals count from the next")
                .isEqualTo(1);
        assertThat(pacing.refused(T + 1)).isEqualTo(10);
    }

    @Test
    void boundsAreChecked() {
        assertThatThrownBy(() -> new RetryPacing(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPacing(5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPacing(1, 64)).isInstanceOf(IllegalArgumentException.class);
    }

    /** 600 turned away at T - 1 and again at T (told 3 s then), 100 calls admitted a second throughout. */
    private void crowdToldAtTToWait3s(int refusedAtT) {
        admit(T - 5, 5, 100);
        refuse(T - 1, 600);
        refuse(T, refusedAtT);
        admit(T, 4, 100);
    }

    private void admit(long from, int seconds, int perSecond) {
        for (long s = from; s < from + seconds; s++) {
            for (int i = 0; i < perSecond; i++) {
                pacing.admitted(s);
            }
        }
    }

    private void refuse(long second, int times) {
        for (int i = 0; i < times; i++) {
            pacing.refused(second);
        }
    }
}
