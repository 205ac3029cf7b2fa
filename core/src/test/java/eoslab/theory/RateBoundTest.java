package eoslab.theory;

import eoslab.EoslabTest;
import eoslab.dynamics.Engine;
import eoslab.dynamics.shallow.Engines;
import eoslab.dynamics.shallow.ShallowStepper;
import eoslab.model.shallow.Landmarks;
import eoslab.model.shallow.VectorPoint;
import eoslab.spec.StartSpec;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static org.assertj.core.api.Assertions.assertThat;

class RateBoundTest extends EoslabTest {

    static Stream<Arguments> cases() {
        Random rng = new Random(7);
        return IntStream.range(0, 40).mapToObj(i -> {
            double phi = (rng.nextBoolean() ? 1 : -1) * (0.2 + 2 * rng.nextDouble());
            double m0 = phi * (0.3 + 1.4 * rng.nextDouble());
            double lambda0 = 2 * Math.abs(m0) * (1 + 2 * rng.nextDouble());
            double rel = 0.05 + 1.0 * rng.nextDouble();
            return Arguments.of(phi, m0, lambda0, rel);
        });
    }

    /** ρ̄ bounds ρ(ε) on a 200× finer grid than the one it was computed from. */
    @ParameterizedTest
    @MethodSource("cases")
    void rhoBarBoundsTheContractionEverywhere(double phi, double m0, double lambda0, double rel) {
        VectorPoint p = new StartSpec.Canonical(m0, lambda0).point();
        double eta = Landmarks.of(phi, p).absoluteEta(rel);
        double e0 = Math.abs(m0 - phi);
        RateBound b = RateBound.of(phi, eta, p.imbalance(), m0 - phi);
        if (b.rhoStar() >= 1) {
            return;
        }
        int n = 200 * RateBound.SAMPLES;
        for (int i = 0; i <= n; i++) {
            double e = -e0 + 2 * e0 * i / n;
            assertThat(RateBound.contraction(phi, eta, p.imbalance(), e)).isLessThanOrEqualTo(b.rhoBar());
        }
        double lgf = Math.hypot(2 * phi, p.imbalance());
        assertThat(b.rhoStar()).isEqualTo(Math.max(Math.abs(1 - 2 * eta * Math.abs(phi)), Math.abs(1 - eta * lgf)));
    }

    /** Along full-vector GD (the independent engine) at width 7, |ε_t| ≤ ρ̄ᵗ|ε₀| whenever ρ̄ &lt; 1 and η|ε₀| ≤ √2. */
    @ParameterizedTest
    @MethodSource("cases")
    void boundHoldsAlongVectorGd(double phi, double m0, double lambda0, double rel) {
        Random rng = new Random(Double.doubleToLongBits(m0));
        double[] a = new double[7];
        double[] bb = new double[7];
        for (int i = 0; i < 7; i++) {
            a[i] = rng.nextGaussian();
            bb[i] = rng.nextGaussian();
        }
        VectorPoint p = VectorPoint.of(a, bb);
        double s = Math.sqrt(lambda0 / p.norm());
        for (int i = 0; i < 7; i++) {
            a[i] *= s;
            bb[i] *= s;
        }
        p = VectorPoint.of(a, bb);
        double eps0 = p.product() - phi;
        double eta = Landmarks.of(phi, p).absoluteEta(rel);
        RateBound b = RateBound.of(phi, eta, p.imbalance(), eps0);
        if (!b.proves() || eta * Math.abs(eps0) > Math.sqrt(2)) {
            return;
        }
        ShallowStepper gd = Engines.stepper(phi, eta, p, Engine.VECTOR);
        double bound = Math.abs(eps0);
        for (int t = 1; t <= 400 && Math.abs(gd.residual()) > 1e-13; t++) {
            gd.step();
            bound *= b.rhoBar();
            assertThat(Math.abs(gd.residual())).isLessThanOrEqualTo(bound + 1e-14);
        }
    }
}
