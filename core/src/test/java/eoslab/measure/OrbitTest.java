package eoslab.measure;

import eoslab.EoslabTest;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Orbit#status()} from divergence and period, and the observed quantity's labels. */
class OrbitTest extends EoslabTest {

    private static Orbit orbit(boolean diverged, int period) {
        return new Orbit(1.0, new double[] {0.1}, diverged, diverged ? 12 : 0, period, -0.1, -0.2);
    }

    @Test
    void statusFollowsDivergenceThenPeriod() {
        assertThat(orbit(false, 1).status()).isEqualTo("fixed_point");
        for (int p = 2; p <= 64; p++) {
            assertThat(orbit(false, p).status()).isEqualTo("periodic");
        }
        assertThat(orbit(false, 0).status()).isEqualTo("aperiodic");
        assertThat(orbit(true, 0).status()).isEqualTo("diverged");
        assertThat(orbit(true, 2).status()).as("divergence wins").isEqualTo("diverged");
    }

    @Test
    void observedQuantities() {
        assertThat(Orbit.Observed.parse("residual")).isEqualTo(Orbit.Observed.RESIDUAL);
        assertThat(Orbit.Observed.parse("norm")).isEqualTo(Orbit.Observed.NORM);
        assertThat(Orbit.Observed.RESIDUAL.label()).isEqualTo("residual");
        assertThat(Orbit.Observed.NORM.label()).isEqualTo("norm");
        assertThatThrownBy(() -> Orbit.Observed.parse("Norm")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--observe must be residual or norm, got 'Norm'");
    }
}
