package eoslab.model.shallow;

import eoslab.EoslabTest;
import eoslab.landscape.ConvergenceBoundary.Bound;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Step-size landmarks and regimes of docs/model.md §6 and the convergence boundary of models.md §1.1. */
class LandmarksTest extends EoslabTest {

    private static VectorPoint canonical(double m0, double lambda0) {
        return ReducedPoint.canonical(m0, lambda0).toVectors();
    }

    @Test
    void landmarksAndRegimeBoundariesWhenOneOverPhiBinds() {
        // Φ = −1.5, m₀ = 0, λ₀ = 4: Q₀ = 4, λ_GF = 5; η* = min{2/3, 8/(4 + √52)} = 2/3
        Landmarks lm = Landmarks.of(-1.5, canonical(0.0, 4.0));
        assertThat(lm.gfSharpness()).isCloseTo(5.0, within(1e-15));
        assertThat(lm.edgeEta()).isCloseTo(0.4, within(1e-15));
        assertThat(lm.beyondEta()).isCloseTo(2.0 / 3.0, within(1e-15));
        assertThat(lm.criticalEta()).isEqualTo(lm.beyondEta());
        assertThat(lm.criticalBound()).isEqualTo(Bound.BEYOND);
        assertThat(lm.absoluteEta(1.5)).isCloseTo(0.6, within(1e-15));
        assertThat(lm.relativeEta(0.6)).isCloseTo(1.5, within(1e-15));
        assertThat(lm.absoluteEtaCritical(0.5)).isCloseTo(1.0 / 3.0, within(1e-15));
        assertThat(lm.criticalRelativeEta(1.0 / 3.0)).isCloseTo(0.5, within(1e-15));
        assertThat(lm.regime(0.39)).isEqualTo(Regime.STABLE);
        assertThat(lm.regime(lm.edgeEta())).isEqualTo(Regime.EDGE);
        assertThat(lm.regime(0.66)).isEqualTo(Regime.EDGE);
        assertThat(lm.regime(lm.beyondEta())).isEqualTo(Regime.BEYOND);
        assertThat(Regime.BEYOND.label()).isEqualTo("beyond");
        // F₀ = λ₀ − 4/η − ηΦ(m₀ − Φ) = 4 − 4/η + 2.25η
        assertThat(lm.f0(0.5)).isCloseTo(4 - 8 + 1.125, within(1e-14));
    }

    @Test
    void divergentRegimeBetweenTheNormBoundAndOneOverPhi() {
        // Φ = 1, m₀ = 0, λ₀ = 5: λ_GF = √29, 2/λ_GF ≈ 0.3714, η* = 8/(5 + √41) ≈ 0.7016 < 1 = 1/|Φ|
        Landmarks lm = Landmarks.of(1.0, canonical(0.0, 5.0));
        assertThat(lm.criticalBound()).isEqualTo(Bound.NORM);
        assertThat(lm.criticalEta()).isCloseTo(8.0 / (5.0 + Math.sqrt(41.0)), within(1e-15));
        assertThat(lm.f0(lm.criticalEta())).isCloseTo(0.0, within(1e-14));
        assertThat(lm.regime(0.37)).isEqualTo(Regime.STABLE);
        assertThat(lm.regime(0.5)).isEqualTo(Regime.EDGE);
        assertThat(lm.regime(lm.criticalEta())).isEqualTo(Regime.DIVERGENT);
        assertThat(lm.regime(0.99)).isEqualTo(Regime.DIVERGENT);
        assertThat(lm.regime(1.0)).isEqualTo(Regime.BEYOND);
        assertThat(Regime.DIVERGENT.label()).isEqualTo("divergent");
    }

    @Test
    void theBoundaryCanFallBelowTheStabilityOfTheGfSolution() {
        // models.md §1.4: Φ = 1, m₀ = 4.5, λ₀ = 9.0001: η* ≈ 0.571 < 2/λ_GF ≈ 0.99978, so there is no edge regime
        Landmarks lm = Landmarks.of(1.0, canonical(4.5, 9.0001));
        assertThat(lm.criticalEta()).isLessThan(lm.edgeEta());
        assertThat(lm.regime(0.5)).isEqualTo(Regime.STABLE);
        assertThat(lm.regime(0.6)).isEqualTo(Regime.DIVERGENT);
        assertThat(lm.f0(0.5)).isNegative();
        assertThat(lm.f0(0.6)).isPositive();
    }

    @Test
    void zeroTargetHasTheCatapultLimitAndNoBeyondRegime() {
        // Φ = 0, m₀ = 0.5, λ₀ = 2: Q₀ = √3 = λ_GF, η* = 4/λ₀ = 2
        Landmarks lm = Landmarks.of(0.0, canonical(0.5, 2.0));
        assertThat(lm.beyondEta()).isInfinite();
        assertThat(lm.criticalBound()).isEqualTo(Bound.CATAPULT);
        assertThat(lm.criticalEta()).isCloseTo(2.0, within(1e-15));
        assertThat(lm.regime(1.0)).isEqualTo(Regime.STABLE);
        assertThat(lm.regime(1.5)).isEqualTo(Regime.EDGE);
        assertThat(lm.regime(2.0)).isEqualTo(Regime.DIVERGENT);
        assertThat(lm.regime(1e6)).isEqualTo(Regime.DIVERGENT);
    }
}
