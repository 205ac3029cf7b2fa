package eoslab.landscape;

import eoslab.EoslabTest;
import java.math.BigDecimal;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Monotonicity of the GF-solution sharpness √(4Φ² + Q²) along GD, against full-vector GD. */
class GfsMonotonicityTest extends EoslabTest {

    private static final double SQRT2 = Math.sqrt(2.0);

    @Test
    void predicateIsExactAtRootTwo() {
        double above = Math.sqrt(2.0);
        double below = Math.nextDown(above);
        // exact squares: below² < 2 < above²
        assertThat(new BigDecimal(below).pow(2).compareTo(BigDecimal.valueOf(2))).isNegative();
        assertThat(new BigDecimal(above).pow(2).compareTo(BigDecimal.valueOf(2))).isPositive();
        assertThat(GfsMonotonicity.nonIncreasing(below)).isTrue();
        assertThat(GfsMonotonicity.nonIncreasing(-below)).isTrue();
        assertThat(GfsMonotonicity.nonIncreasing(above)).isFalse();
        assertThat(GfsMonotonicity.nonIncreasing(-above)).isFalse();
    }

    @Test
    void predicateMatchesTheImbalanceOfAFullVectorStep() {
        Random rnd = new Random(2L);
        int increases = 0;
        for (int i = 0; i < 5000; i++) {
            Vectors v = Vectors.random(rnd, 1 + rnd.nextInt(6), Math.exp(2 * rnd.nextGaussian()));
            double phi = 3 * rnd.nextGaussian();
            double eta = Math.exp(rnd.nextGaussian()) / (1 + v.norm());
            double etaEps = eta * (v.product() - phi);
            if (Math.abs(Math.abs(etaEps) - SQRT2) < 1e-9) {
                continue;
            }
            double before = v.imbalance();
            v.step(phi, eta);
            boolean increased = v.imbalance() > before * (1 + 1e-12);
            increases += increased ? 1 : 0;
            assertThat(GfsMonotonicity.nonIncreasing(etaEps)).isEqualTo(!increased);
        }
        assertThat(increases).isBetween(500, 4500);
    }

    @Test
    void firstIncreaseMatchesFullVectorGdInsideTheConvergenceRegion() {
        Random rnd = new Random(8L);
        int atStart = 0;
        int later = 0;
        int none = 0;
        for (int i = 0; i < 3000; i++) {
            double phi = (rnd.nextBoolean() ? 1 : -1) * Math.pow(10, -1 + 2 * rnd.nextDouble());
            double scale = Math.sqrt(Math.abs(phi)) * Math.pow(10, -1 + 1.5 * rnd.nextDouble());
            Vectors v = Vectors.random(rnd, 1 + rnd.nextInt(5), scale);
            double m0 = v.product();
            double lambda0 = v.norm();
            double eta = (0.05 + 0.92 * rnd.nextDouble()) * ConvergenceBoundary.of(phi, m0, lambda0).eta();
            OptionalInt found = GfsMonotonicity.firstIncrease(phi, m0, lambda0, eta, 2000);
            // the reference: full-vector GD, watching √(4Φ² + Q²) with Q = ‖a+b‖·‖a−b‖ directly
            int expected = -1;
            boolean borderline = false;
            for (int t = 0; t < 2000 && expected < 0; t++) {
                double etaEps = eta * (v.product() - phi);
                borderline |= Math.abs(Math.abs(etaEps) - SQRT2) < 1e-6;
                double before = Math.hypot(2 * phi, v.imbalance());
                v.step(phi, eta);
                // a real increase is by the factor η²ε² − 1 ≥ 1e-6 off 1 here; 1e-9 is far above the rounding of Q
                if (Math.hypot(2 * phi, v.imbalance()) > before * (1 + 1e-9)) {
                    expected = t;
                }
            }
            if (borderline) {
                continue;
            }
            assertThat(found.orElse(-1)).as("start %d", i).isEqualTo(expected);
            if (expected == 0) {
                atStart++;
            } else if (expected > 0) {
                later++;
            } else {
                none++;
            }
        }
        assertThat(atStart).isGreaterThan(10);
        assertThat(later).isGreaterThan(10);
        assertThat(none).isGreaterThan(2000);
    }

    @Test
    void rejectsStepsOutsideTheConvergenceRegion() {
        Class<IllegalArgumentException> bad = IllegalArgumentException.class;
        assertThatThrownBy(() -> GfsMonotonicity.firstIncrease(1.0, 0.0, 1.0, 1.0, 10)).isInstanceOf(bad);
        assertThatThrownBy(() -> GfsMonotonicity.firstIncrease(1.0, 0.0, 1.0, 0.0, 10)).isInstanceOf(bad);
        assertThatThrownBy(() -> GfsMonotonicity.firstIncrease(1.0, 0.0, 1.0, 0.5, -1)).isInstanceOf(bad);
        assertThat(GfsMonotonicity.firstIncrease(1.0, 0.0, 1.0, 0.5, 0)).isEmpty();
    }

    /** Full vectors a, b ∈ ℝᵈ under GD a⁺ = a − ηεb, b⁺ = b − ηεa. */
    private static final class Vectors {
        private final double[] a;
        private final double[] b;

        private Vectors(double[] a, double[] b) {
            this.a = a;
            this.b = b;
        }

        static Vectors random(Random rnd, int d, double scale) {
            double[] a = new double[d];
            double[] b = new double[d];
            for (int i = 0; i < d; i++) {
                a[i] = scale * rnd.nextGaussian();
                b[i] = scale * rnd.nextGaussian();
            }
            return new Vectors(a, b);
        }

        double product() {
            double s = 0;
            for (int i = 0; i < a.length; i++) {
                s += a[i] * b[i];
            }
            return s;
        }

        double norm() {
            double s = 0;
            for (int i = 0; i < a.length; i++) {
                s += a[i] * a[i] + b[i] * b[i];
            }
            return s;
        }

        double imbalance() {
            double u = 0;
            double w = 0;
            for (int i = 0; i < a.length; i++) {
                u += (a[i] + b[i]) * (a[i] + b[i]);
                w += (a[i] - b[i]) * (a[i] - b[i]);
            }
            return Math.sqrt(u * w);
        }

        void step(double phi, double eta) {
            double g = eta * (product() - phi);
            for (int i = 0; i < a.length; i++) {
                double ai = a[i];
                a[i] -= g * b[i];
                b[i] -= g * ai;
            }
        }
    }
}
