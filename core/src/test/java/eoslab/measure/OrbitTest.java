package eoslab.measure;

import eoslab.EoslabTest;
import eoslab.dynamics.CellClass;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Orbit#diverged()} and the observed quantity's labels. */
class OrbitTest extends EoslabTest {

    @Test
    void divergedIsItsStatus() {
        for (CellClass c : CellClass.values()) {
            Orbit o = new Orbit(1.0, new double[] {0.1}, c, 12, 0, -0.1, 0.01, -0.2, 0.02);
            assertThat(o.diverged()).isEqualTo(c == CellClass.DIVERGED);
        }
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
