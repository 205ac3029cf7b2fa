package eoslab.sharpness;

import eoslab.EoslabTest;
import eoslab.model.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What every warm-started matrix-free estimator must do, against the dense eigensolver, ARPACK and known spectra:
 * k = 1…5, nearly repeated top eigenvalues, indefinite and negative spectra, points far from minima; its residuals
 * bound the true error; warm starts save products; an exhausted budget still gives honest error bars; cold starts are
 * reproducible. Each implementation's test subclasses it.
 */
abstract class MatrixFreeEstimatorContract extends EoslabTest {
    /** Rounding in the products themselves (a few ulps of ‖H‖). */
    static final double ROUNDING = 1e-13;

    /** A new estimator of the implementation under test. */
    abstract WarmStartedEstimator create(int k, double tol, int maxRestarts, boolean wantVectors);

    @Test
    void agreesWithTheDenseSolverAtRandomPointsWithinItsResiduals() {
        Random rnd = new Random(31);
        for (int n : new int[]{25, 120, 400}) {
            double[] lambda = Fixtures.spectrum(n, -8, 6, rnd, 7, 7 - 1e-3);
            Model model = SpectralModel.quadratic(lambda, 4, 32 + n).withQuartic(0.5);
            for (double scale : new double[]{0.3, 3}) {
                double[] theta = Fixtures.gaussian(n, scale, rnd);
                Sharpness dense = new DenseSharpness(5, false).estimate(model, theta);
                double norm = Math.max(Math.abs(dense.value()), Math.abs(dense.eigenvalue(4)));
                for (int k = 1; k <= 5; k++) {
                    Sharpness s = create(k, 1e-10, 1000, false).estimate(model, theta);
                    assertThat(s.method()).isEqualTo(Sharpness.LANCZOS);
                    assertThat(s.converged()).isTrue();
                    assertThat(s.k()).isEqualTo(k);
                    for (int i = 0; i < k; i++) {
                        String what = "n=" + n + " scale=" + scale + " k=" + k + " i=" + i;
                        assertThat(Math.abs(s.eigenvalue(i) - dense.eigenvalue(i))).as(what)
                                .isLessThanOrEqualTo(s.errorBound(i) + ROUNDING * norm);
                        assertThat(s.eigenvalue(i)).as(what).isCloseTo(dense.eigenvalue(i), within(1e-9 * norm));
                    }
                }
            }
        }
    }

    @Test
    void resolvesANearlyRepeatedTopAtTwoThousandParameters() {
        Random rnd = new Random(33);
        int n = 2000;
        double[] lambda = Fixtures.spectrum(n, -12, 9.5, rnd, 10, 10 - 1e-8, 9.8, -15);
        SpectralModel model = SpectralModel.quadratic(lambda, 4, 34);
        double[] exact = Fixtures.descending(lambda);
        for (int k = 1; k <= 5; k++) {
            Sharpness s = create(k, 1e-10, 1000, true).estimate(model, new double[n]);
            assertThat(s.converged()).isTrue();
            for (int i = 0; i < k; i++) {
                assertThat(Math.abs(s.eigenvalue(i) - exact[i])).as("k=%d i=%d", k, i)
                        .isLessThanOrEqualTo(s.errorBound(i) + ROUNDING * 15);
                assertThat(s.eigenvalue(i)).isCloseTo(exact[i], within(1e-9));
                assertThat(Fixtures.norm(s.eigenvector(i))).isCloseTo(1, within(1e-12));
            }
        }
        Sharpness pair = create(2, 1e-12, 1000, false).estimate(model, new double[n]);
        assertThat(pair.eigenvalue(0)).isCloseTo(10, within(1e-11));
        assertThat(pair.eigenvalue(1)).isCloseTo(10 - 1e-8, within(1e-11));
    }

    @Test
    void returnsTheLargestAlgebraicEigenvalueNotTheLargestInMagnitude() {
        Random rnd = new Random(35);
        int n = 300;
        SpectralModel indefinite = SpectralModel.quadratic(Fixtures.spectrum(n, -50, 0.5, rnd, 1.0, -100), 3, 36);
        assertThat(create(1, 1e-12, 1000, false).estimate(indefinite, new double[n]).value())
                .isCloseTo(1.0, within(1e-10));
        SpectralModel negative = SpectralModel.quadratic(Fixtures.spectrum(n, -9, -1.5, rnd, -1.0, -10), 3, 37);
        Sharpness t = create(2, 1e-12, 1000, false).estimate(negative, new double[n]);
        assertThat(t.value()).isCloseTo(-1.0, within(1e-10));
        assertThat(t.eigenvalue(1)).isLessThan(-1.5 + 1e-10).isGreaterThan(-1.6);
    }

    @Test
    void agreesWithArpackAndWarmStartsSaveProductsAlongASlowPath() {
        Random rnd = new Random(41);
        int n = 2000;
        SpectralModel model = SpectralModel.quadratic(Fixtures.spectrum(n, 0, 9.98, rnd, 10, 9.99), 4, 43)
                .withQuartic(0.01);
        double[] theta0 = Fixtures.gaussian(n, 1, rnd);
        double[] dir = Fixtures.gaussian(n, 1, rnd);
        WarmStartedEstimator warm = create(1, 1e-10, 1000, false);
        WarmStartedEstimator cold = create(1, 1e-10, 1000, false);
        LanczosSharpness arpack = new LanczosSharpness(1, 1e-10, 1000, false);
        long warmTotal = 0;
        long coldTotal = 0;
        for (int j = 0; j < 8; j++) {
            double[] p = theta0.clone();
            for (int i = 0; i < n; i++) {
                p[i] += 1e-3 * j * dir[i];
            }
            assertThat(warm.hasWarmStart()).isEqualTo(j > 0);
            Sharpness w = warm.estimate(model, p);
            cold.reset();
            Sharpness c = cold.estimate(model, p);
            arpack.reset();
            Sharpness a = arpack.estimate(model, p);
            assertThat(w.converged()).isTrue();
            assertThat(Math.abs(w.value() - c.value())).isLessThanOrEqualTo(w.errorBound(0) + c.errorBound(0));
            assertThat(Math.abs(w.value() - a.value())).isLessThanOrEqualTo(w.errorBound(0) + a.errorBound(0)
                    + ROUNDING * 10);
            warmTotal += w.hvps();
            coldTotal += c.hvps();
        }
        assertThat((double) warmTotal).isLessThan(0.65 * coldTotal);
    }

    @Test
    void anExhaustedBudgetGivesAnUnconvergedResultWhoseErrorBarsStillHold() {
        Random rnd = new Random(47);
        int n = 1500;
        double[] lambda = Fixtures.spectrum(n, 0, 9.98, rnd, 10, 9.99);
        SpectralModel model = SpectralModel.quadratic(lambda, 4, 48);
        Sharpness s = create(2, 1e-13, 1, true).estimate(model, new double[n]);
        assertThat(s.converged()).isFalse();
        assertThat(s.errorBound(0)).isGreaterThan(1e-8);
        for (int i = 0; i < 2; i++) {
            assertThat(Fixtures.distanceToNearest(s.eigenvalue(i), lambda)).isLessThanOrEqualTo(s.errorBound(i));
        }
        assertThat(s.eigenvalue(0)).isLessThanOrEqualTo(10 + ROUNDING);
    }

    @Test
    void coldStartsAreReproducibleAcrossInstances() {
        Random rnd = new Random(45);
        int n = 500;
        SpectralModel model = SpectralModel.quadratic(Fixtures.spectrum(n, 0, 9.98, rnd, 10, 9.99), 4, 43);
        double[] theta = Fixtures.gaussian(n, 1, rnd);
        List<Sharpness> runs = new ArrayList<>();
        WarmStartedEstimator a = create(3, 1e-10, 1000, true);
        runs.add(a.estimate(model, theta));
        a.estimate(model, Fixtures.gaussian(n, 1, rnd));
        a.reset();
        runs.add(a.estimate(model, theta));
        runs.add(create(3, 1e-10, 1000, true).estimate(model, theta));
        assertThat(runs.get(1)).isEqualTo(runs.get(0));
        assertThat(runs.get(2)).isEqualTo(runs.get(0));
    }
}
