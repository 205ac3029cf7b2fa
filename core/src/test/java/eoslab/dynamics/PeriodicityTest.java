package eoslab.dynamics;

import eoslab.EoslabTest;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;

class PeriodicityTest extends EoslabTest {

    /** A constructed orbit of period p (random cycle, tiny noise below the tolerance) is detected as exactly p. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 7, 8, 13, 16, 31, 32, 48, 63, 64})
    void detectsConstructedPeriods(int p) {
        Random rng = new Random(p);
        double[] cm = new double[p];
        double[] cl = new double[p];
        for (int j = 0; j < p; j++) {
            cm[j] = rng.nextDouble() - 0.5;
            cl[j] = 1 + 3 * rng.nextDouble();
        }
        double[] m = new double[Periodicity.SAMPLES];
        double[] l = new double[Periodicity.SAMPLES];
        for (int j = 0; j < m.length; j++) {
            m[j] = cm[j % p] * (1 + 1e-12 * rng.nextGaussian());
            l[j] = cl[j % p] * (1 + 1e-12 * rng.nextGaussian());
        }
        assertThat(Periodicity.period(m, l, 0.0)).isEqualTo(p);
    }

    /** A period above 64 and a chaotic (logistic map, r = 4) sequence have no detected period. */
    @Test
    void rejectsLongPeriodsAndChaos() {
        double[] m = new double[Periodicity.SAMPLES];
        double[] l = new double[Periodicity.SAMPLES];
        Random rng = new Random(1);
        double[] cycle = new double[65];
        for (int j = 0; j < cycle.length; j++) {
            cycle[j] = rng.nextDouble();
        }
        for (int j = 0; j < m.length; j++) {
            m[j] = cycle[j % 65];
            l[j] = 2 + cycle[j % 65];
        }
        assertThat(Periodicity.period(m, l, 0.0)).isZero();
        double x = 0.1234;
        for (int j = 0; j < m.length; j++) {
            x = 4 * x * (1 - x);
            m[j] = x - 0.5;
            l[j] = 2.0;
        }
        assertThat(Periodicity.period(m, l, 0.0)).isZero();
    }

    /**
     * A decaying oscillation near a fixed point (ε_j = A(−r)^j, A = 1e-8, r = 0.9999) repeats after 2 steps to
     * 1e-9·λ but drifts by far more than 1e-6 of its amplitude per period: settling (period 1), not periodic.
     */
    @Test
    void decayingOscillationIsSettlingNotPeriodic() {
        double[] m = new double[Periodicity.SAMPLES];
        double[] l = new double[Periodicity.SAMPLES];
        for (int j = 0; j < m.length; j++) {
            double eps = 1e-8 * Math.pow(-0.9999, j);
            m[j] = 1 + eps;
            l[j] = 2.2 + 0.5 * eps;
        }
        assertThat(Periodicity.period(m, l, 0.0)).isEqualTo(1);
        for (int j = 0; j < m.length; j++) {
            double eps = 1e-8 * (j % 2 == 0 ? 1 : -1);
            m[j] = 1 + eps;
            l[j] = 2.2 + 0.5 * eps;
        }
        assertThat(Periodicity.period(m, l, 0.0)).isEqualTo(2);
    }

    /** A repeat beyond the relative tolerance does not count. */
    @Test
    void toleranceIsRelativeToTheNorm() {
        double[] m = new double[Periodicity.SAMPLES];
        double[] l = new double[Periodicity.SAMPLES];
        for (int j = 0; j < m.length; j++) {
            m[j] = j % 2 == 0 ? 0.3 : -0.2;
            l[j] = 1000.0 + (j % 2) + (j == 10 ? 1e-7 : 0);
        }
        assertThat(Periodicity.period(m, l, 0.0)).isEqualTo(2);
        l[10] += 1e-3;
        assertThat(Periodicity.period(m, l, 0.0)).isNotEqualTo(2);
        assertThat(Periodicity.classOf(2)).isEqualTo(CellClass.PERIODIC);
        assertThat(Periodicity.classOf(1)).isEqualTo(CellClass.SLOW);
        assertThat(Periodicity.classOf(0)).isEqualTo(CellClass.APERIODIC);
    }

    /**
     * Settling without a resolved repeat: critical slowing (ε_t ≈ (−1)ᵗ/(2√t) at t ≈ 2000, whose lag-2 drift exceeds
     * 10⁻⁹·λ) and the slow growth of an oscillation towards a 2-cycle are slow (period 1), while the same window
     * with one iterate out of line (not monotone) is aperiodic.
     */
    @Test
    void monotoneEnvelopesAreSettling() {
        double phi = 1.0;
        double[] m = new double[Periodicity.SAMPLES];
        double[] l = new double[Periodicity.SAMPLES];
        for (int j = 0; j < m.length; j++) {
            double eps = (j % 2 == 0 ? 1 : -1) / (2 * Math.sqrt(2000 + j));
            m[j] = phi + eps;
            l[j] = 2 + 2 * eps;
        }
        assertThat(Periodicity.period(m, l, phi)).isEqualTo(1);
        assertThat(Periodicity.classOf(Periodicity.period(m, l, phi))).isEqualTo(CellClass.SLOW);
        m[40] = phi + 0.5;
        assertThat(Periodicity.period(m, l, phi)).isZero();
        for (int j = 0; j < m.length; j++) {
            double eps = (j % 2 == 0 ? 1 : -1) * 0.04 * (1 - 0.5 * Math.exp(-0.004 * j));
            m[j] = phi + eps;
            l[j] = 2 + 2 * eps;
        }
        assertThat(Periodicity.period(m, l, phi)).as("growing towards a cycle").isEqualTo(1);
    }
}
