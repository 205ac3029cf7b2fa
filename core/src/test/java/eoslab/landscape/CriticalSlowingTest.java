package eoslab.landscape;

import eoslab.EoslabTest;
import eoslab.landscape.CriticalSlowing.PowerLaw;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Critical slowing at and just below c = η|Φ| = 1, on real GD runs and on the balanced map. */
class CriticalSlowingTest extends EoslabTest {

    @Test
    void residualDecaysLikeHalfPhiOverRootT() {
        for (double phi : new double[] {4.0, -4.0, 0.25, -0.25}) {
            double eta = 1.0 / Math.abs(phi);
            double m0 = 0.6 * phi;
            // the balanced start on the branch that reaches Φ: a = b (q = 0) for Φ > 0, a = −b (p = 0) for Φ < 0
            double side = 2 * Math.sqrt(Math.abs(m0));
            ReducedLoop gd = new ReducedLoop(phi, phi > 0 ? side : 0.0, phi > 0 ? 0.0 : side, eta);
            int points = 41;
            double[] t = new double[points];
            double[] residual = new double[points];
            int k = 0;
            for (int step = 1; step <= 1_000_000; step++) {
                gd.step();
                if (step >= 10_000 && step % 24_750 == 10_000 % 24_750) {
                    t[k] = step;
                    residual[k++] = Math.abs(gd.eps());
                }
            }
            assertThat(k).isEqualTo(points);
            double scaled = Math.sqrt(1e6) * Math.abs(gd.eps());
            assertThat(scaled / CriticalSlowing.residualConstant(phi)).isCloseTo(1.0, within(1e-3));
            PowerLaw law = CriticalSlowing.fit(t, residual);
            assertThat(law.exponent()).isCloseTo(-0.5, within(1e-3));
            assertThat(law.prefactor()).isCloseTo(Math.abs(phi) / 2, within(0.01 * Math.abs(phi)));
        }
    }

    @Test
    void stepsToToleranceGrowLikeOneOverOneMinusC() {
        double[] delta = {1e-2, 1e-3, 1e-4, 1e-5};
        double[] measured = new double[delta.length];
        double x0 = 0.3;
        double tol = 1e-9;
        for (int i = 0; i < delta.length; i++) {
            double c = 1 - delta[i];
            BalancedMap map = new BalancedMap(c);
            double z = c + x0;
            int steps = 0;
            while (Math.abs(z - c) > tol) {
                z = map.apply(z);
                steps++;
            }
            measured[i] = steps;
            double predicted = CriticalSlowing.steps(c, x0, tol);
            assertThat(steps / predicted).as("delta %s", delta[i]).isCloseTo(1.0, within(0.015));
            assertThat(steps * delta[i]).isBetween(5.0, 12.0);
        }
        double[] inverse = new double[delta.length];
        for (int i = 0; i < delta.length; i++) {
            inverse[i] = 1 / delta[i];
        }
        // 1/(1 − c) up to the logarithm ln(δ/tol²): the fitted exponent is a little below 1
        assertThat(CriticalSlowing.fit(inverse, measured).exponent()).isBetween(0.95, 1.0);
        assertThat(CriticalSlowing.steps(1.0, x0, 1e-3)).isEqualTo(0.25 * (1e6 - 1 / (x0 * x0)));
        assertThat(CriticalSlowing.steps(1 - 1e-300, x0, 1e-3)).isCloseTo(0.25 * (1e6 - 1 / (x0 * x0)), within(1e-6));
    }

    @Test
    void fitRecoversAPowerLawAndSkipsNonPositivePoints() {
        double[] x = {0.5, 1, 2, 4, 8, -1, 3};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 3 * Math.pow(x[i], -0.7);
        }
        y[6] = 0.0;
        PowerLaw law = CriticalSlowing.fit(x, y);
        assertThat(law.exponent()).isCloseTo(-0.7, within(1e-14));
        assertThat(law.prefactor()).isCloseTo(3.0, within(1e-13));
        Class<IllegalArgumentException> bad = IllegalArgumentException.class;
        assertThatThrownBy(() -> CriticalSlowing.fit(new double[] {1, 1}, new double[] {1, 2})).isInstanceOf(bad);
        assertThatThrownBy(() -> CriticalSlowing.fit(new double[] {1}, new double[] {1})).isInstanceOf(bad);
        assertThatThrownBy(() -> CriticalSlowing.fit(new double[] {1, 2}, new double[] {1})).isInstanceOf(bad);
        assertThatThrownBy(() -> CriticalSlowing.steps(1.1, 0.3, 0.1)).isInstanceOf(bad);
    }
}
