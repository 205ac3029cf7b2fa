package eoslab.model.shallow;

import eoslab.EoslabTest;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Step-size landmarks and regimes of docs/model.md §6. */
class LandmarksTest extends EoslabTest {

    @Test
    void landmarksAndRegimeBoundaries() {
        Landmarks lm = Landmarks.of(-1.5, 4.0);
        assertThat(lm.gfSharpness()).isCloseTo(5.0, within(1e-15));
        assertThat(lm.edgeEta()).isCloseTo(0.4, within(1e-15));
        assertThat(lm.beyondEta()).isCloseTo(2.0 / 3.0, within(1e-15));
        assertThat(lm.absoluteEta(1.5)).isCloseTo(0.6, within(1e-15));
        assertThat(lm.relativeEta(0.6)).isCloseTo(1.5, within(1e-15));
        assertThat(lm.regime(0.39)).isEqualTo(Regime.STABLE);
        assertThat(lm.regime(lm.edgeEta())).isEqualTo(Regime.EDGE);
        assertThat(lm.regime(0.66)).isEqualTo(Regime.EDGE);
        assertThat(lm.regime(lm.beyondEta())).isEqualTo(Regime.BEYOND);
        assertThat(Regime.BEYOND.label()).isEqualTo("beyond");
    }

    @Test
    void zeroTargetHasNoBeyondRegime() {
        Landmarks lm = Landmarks.of(0.0, 2.0);
        assertThat(lm.beyondEta()).isInfinite();
        assertThat(lm.regime(1e6)).isEqualTo(Regime.EDGE);
    }
}
