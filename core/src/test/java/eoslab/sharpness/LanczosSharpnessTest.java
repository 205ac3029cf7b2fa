package eoslab.sharpness;

import eoslab.EoslabTest;
import eoslab.model.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LanczosSharpnessTest extends EoslabTest {
    /**
     * Rounding in the products themselves: the residual bounds the error for the operator as applied, which differs
     * from the exact matrix by a few ulps of ‖H‖.
     */
    private static final double ROUNDING = 1e-13;

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
                    Sharpness s = new LanczosSharpness(k, 1e-10, 1000, false).estimate(model, theta);
                    assertThat(s.method()).isEqualTo(Sharpness.LANCZOS);
                    assertThat(s.converged()).isTrue();
                    assertThat(s.k()).isEqualTo(k);
                    for (int i = 0; i < k; i++) {
                        String what = "n=" + n + " scale=" + scale + " k=" + k + " i=" + i;
                        assertThat(Math.abs(s.eigenvalue(i) - dense.eigenvalue(i))).as(what)
                                .isLessThanOrEqualTo(s.errorBound(i) + ROUNDING * norm);
                        assertThat(s.eigenvalue(i)).as(what)
                                .isCloseTo(dense.eigenvalue(i), within(1e-9 * norm));
                    }
                }
            }
        }
    }

    @Test
    void findsAKnownSpectrumAtTwoThousandParametersWithNearlyRepeatedTop() {
        Random rnd = new Random(33);
        int n = 2000;
        double[] lambda = Fixtures.spectrum(n, -12, 9.5, rnd, 10, 10 - 1e-8, 9.8, -15);
        SpectralModel model = SpectralModel.quadratic(lambda, 4, 34);
        double[] exact = Fixtures.descending(lambda);
        for (int k = 1; k <= 5; k++) {
            Sharpness s = new LanczosSharpness(k, 1e-10, 1000, true).estimate(model, new double[n]);
            assertThat(s.converged()).isTrue();
            for (int i = 0; i < k; i++) {
                assertThat(Math.abs(s.eigenvalue(i) - exact[i])).as("k=%d i=%d", k, i)
                        .isLessThanOrEqualTo(s.errorBound(i) + ROUNDING * 15);
                assertThat(s.eigenvalue(i)).isCloseTo(exact[i], within(1e-9));
            }
            // the top vector lies in the plane of the two eigenvalues 10 and 10 − 1e-8
            double c0 = Fixtures.dot(s.eigenvector(0), model.eigenvector(indexOf(lambda, 10)));
            double c1 = Fixtures.dot(s.eigenvector(0), model.eigenvector(indexOf(lambda, 10 - 1e-8)));
            assertThat(c0 * c0 + c1 * c1).isCloseTo(1, within(1e-8));
        }
        // k = 2 resolves the pair 1e-8 apart
        Sharpness pair = new LanczosSharpness(2, 1e-12, 1000, false).estimate(model, new double[n]);
        assertThat(pair.eigenvalue(0)).isCloseTo(10, within(1e-11));
        assertThat(pair.eigenvalue(1)).isCloseTo(10 - 1e-8, within(1e-11));
    }

    private static int indexOf(double[] x, double v) {
        for (int i = 0; i < x.length; i++) {
            if (x[i] == v) {
                return i;
            }
        }
        throw new AssertionError(v + " not found");
    }

    @Test
    void returnsTheLargestAlgebraicEigenvalueNotTheLargestInMagnitude() {
        Random rnd = new Random(35);
        int n = 300;
        SpectralModel indefinite = SpectralModel.quadratic(Fixtures.spectrum(n, -50, 0.5, rnd, 1.0, -100), 3, 36);
        Sharpness s = new LanczosSharpness(1, 1e-12, 1000, false).estimate(indefinite, new double[n]);
        assertThat(s.value()).isCloseTo(1.0, within(1e-10));
        SpectralModel negative = SpectralModel.quadratic(Fixtures.spectrum(n, -9, -1.5, rnd, -1.0, -10), 3, 37);
        Sharpness t = new LanczosSharpness(2, 1e-12, 1000, false).estimate(negative, new double[n]);
        assertThat(t.value()).isCloseTo(-1.0, within(1e-10));
        assertThat(t.eigenvalue(1)).isLessThan(-1.5 + 1e-10).isGreaterThan(-1.6);
    }

    @Test
    void equalsTheShallowClosedFormAtRandomPointsIncludingFarFromMinima() {
        Random rnd = new Random(37);
        for (int d : new int[]{1, 15, 100, 1000}) {
            for (double sigma : new double[]{0.1, 1, 3}) {
                for (double phi : new double[]{1, -2}) {
                    ShallowTestModel model = new ShallowTestModel(d, phi);
                    double[] theta = Fixtures.gaussian(2 * d, sigma, rnd);
                    double exact = model.closedFormSharpness(theta);
                    Sharpness s = new LanczosSharpness().estimate(model, theta);
                    assertThat(s.value()).as("d=%d σ=%s Φ=%s", d, sigma, phi)
                            .isCloseTo(exact, within(1e-10 * Math.abs(exact)));
                    assertThat(s.errorBound(0)).isLessThan(1e-8 * Math.abs(exact));
                    assertThat(s.method()).isEqualTo(d == 1 ? Sharpness.DENSE : Sharpness.LANCZOS);
                }
            }
        }
    }

    @Test
    void smallProblemsUseTheDenseSolverAndSaySo() {
        Random rnd = new Random(39);
        LanczosSharpness l = new LanczosSharpness(1, 1e-10, 100, false);
        assertThat(l.ncv(20)).isZero();
        assertThat(l.ncv(21)).isEqualTo(20);
        assertThat(l.ncv(5000)).isEqualTo(20);
        assertThat(new LanczosSharpness(12, 1e-10, 100, false).ncv(25)).isZero();
        assertThat(new LanczosSharpness(12, 1e-10, 100, false).ncv(26)).isEqualTo(25);
        double[] lambda20 = Fixtures.spectrum(20, -1, 1, rnd, 3);
        Sharpness small = l.estimate(SpectralModel.quadratic(lambda20, 2, 40), new double[20]);
        assertThat(small.method()).isEqualTo(Sharpness.DENSE);
        assertThat(small.value()).isCloseTo(3, within(1e-13));
        double[] lambda21 = Fixtures.spectrum(21, -1, 1, rnd, 3);
        Sharpness big = l.estimate(SpectralModel.quadratic(lambda21, 2, 41), new double[21]);
        assertThat(big.method()).isEqualTo(Sharpness.LANCZOS);
        assertThat(big.value()).isCloseTo(3, within(1e-10));
        Sharpness five = new LanczosSharpness(5, 1e-10, 100, true).estimate(new ShallowTestModel(4, 1),
                Fixtures.gaussian(8, 1, rnd));
        assertThat(five.method()).isEqualTo(Sharpness.DENSE);
        assertThat(five.k()).isEqualTo(5);
        assertThat(five.hasEigenvectors()).isTrue();
        assertThatThrownBy(() -> new LanczosSharpness(3, 1e-10, 100, false).estimate(new ShallowTestModel(1, 1),
                new double[2])).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 eigenvalues");
    }

    /**
     * Points θ_j = θ₀ + 10⁻³·j·w of a model whose Hessian depends on θ, with a top gap of 1 % of the spectrum, where a
     * cold start needs several restarts.
     */
    private static List<double[]> slowPath(int n, Random rnd) {
        double[] theta0 = Fixtures.gaussian(n, 1, rnd);
        double[] w = Fixtures.gaussian(n, 1, rnd);
        List<double[]> points = new ArrayList<>();
        for (int j = 0; j < 8; j++) {
            double[] p = theta0.clone();
            for (int i = 0; i < n; i++) {
                p[i] += 1e-3 * j * w[i];
            }
            points.add(p);
        }
        return points;
    }

    private static SpectralModel gappedQuartic(int n, Random rnd) {
        return SpectralModel.quadratic(Fixtures.spectrum(n, 0, 9.98, rnd, 10, 9.99), 4, 43).withQuartic(0.01);
    }

    @Test
    void warmStartAlongASlowlyChangingPathNeedsFewerProducts() {
        Random rnd = new Random(41);
        int n = 2000;
        SpectralModel model = gappedQuartic(n, rnd);
        List<double[]> path = slowPath(n, rnd);
        LanczosSharpness warm = new LanczosSharpness(1, 1e-10, 1000, false);
        LanczosSharpness cold = new LanczosSharpness(1, 1e-10, 1000, false);
        long warmTotal = 0;
        long coldTotal = 0;
        for (int j = 0; j < path.size(); j++) {
            assertThat(warm.hasWarmStart()).isEqualTo(j > 0);
            Sharpness w = warm.estimate(model, path.get(j));
            cold.reset();
            Sharpness c = cold.estimate(model, path.get(j));
            assertThat(w.converged()).isTrue();
            assertThat(c.converged()).isTrue();
            assertThat(Math.abs(w.value() - c.value())).isLessThanOrEqualTo(w.errorBound(0) + c.errorBound(0));
            if (j == 0) {
                assertThat(w.hvps()).isEqualTo(c.hvps());
            } else {
                assertThat(w.hvps()).as("point %d", j).isLessThan(c.hvps());
            }
            warmTotal += w.hvps();
            coldTotal += c.hvps();
        }
        assertThat((double) warmTotal).isLessThan(0.65 * coldTotal);
    }

    @Test
    void coldStartsAreReproducible() {
        Random rnd = new Random(45);
        int n = 500;
        SpectralModel model = gappedQuartic(n, rnd);
        double[] theta = Fixtures.gaussian(n, 1, rnd);
        LanczosSharpness a = new LanczosSharpness(3, 1e-10, 1000, true);
        Sharpness first = a.estimate(model, theta);
        a.estimate(model, Fixtures.gaussian(n, 1, rnd));
        a.reset();
        Sharpness again = a.estimate(model, theta);
        Sharpness fresh = new LanczosSharpness(3, 1e-10, 1000, true).estimate(model, theta);
        assertThat(again).isEqualTo(first);
        assertThat(fresh).isEqualTo(first);
    }

    @Test
    void anExhaustedIterationBudgetGivesAnUnconvergedResultWhoseErrorBarsStillHold() {
        Random rnd = new Random(47);
        int n = 1500;
        double[] lambda = Fixtures.spectrum(n, 0, 9.98, rnd, 10, 9.99);
        SpectralModel model = SpectralModel.quadratic(lambda, 4, 48);
        Sharpness s = new LanczosSharpness(2, 1e-13, 1, true).estimate(model, new double[n]);
        assertThat(s.converged()).isFalse();
        assertThat(s.method()).isEqualTo(Sharpness.LANCZOS);
        assertThat(s.iterations()).as("ARPACK counts the final cycle too").isEqualTo(2);
        assertThat(s.k()).isEqualTo(2);
        assertThat(s.errorBound(0)).as("far from converged").isGreaterThan(1e-6);
        for (int i = 0; i < 2; i++) {
            assertThat(Fixtures.distanceToNearest(s.eigenvalue(i), lambda)).isLessThanOrEqualTo(s.errorBound(i));
            assertThat(Fixtures.norm(s.eigenvector(i))).isCloseTo(1, within(1e-12));
        }
        assertThat(s.eigenvalue(0)).isLessThanOrEqualTo(10 + ROUNDING);
    }

    @Test
    void estimatorsOnTwoThreadsGiveTheSequentialResults() throws Exception {
        Random rnd = new Random(49);
        int n = 600;
        SpectralModel model = gappedQuartic(n, rnd);
        List<double[]> path = slowPath(n, rnd);
        List<Sharpness> expected = run(model, path);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<List<Sharpness>> task = () -> run((SpectralModel) model.copy(), path);
            List<Future<List<Sharpness>>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(task));
            }
            for (Future<List<Sharpness>> f : futures) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
    }

    private static List<Sharpness> run(SpectralModel model, List<double[]> path) {
        LanczosSharpness l = new LanczosSharpness(2, 1e-10, 1000, false);
        List<Sharpness> out = new ArrayList<>();
        for (double[] p : path) {
            out.add(l.estimate(model, p));
        }
        return out;
    }

    @Test
    void validatesItsArguments() {
        assertThatThrownBy(() -> new LanczosSharpness(0, 1e-10, 10, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LanczosSharpness(1, -1, 10, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LanczosSharpness(1, Double.NaN, 10, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LanczosSharpness(1, 1e-10, 0, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LanczosSharpness().estimate(new ShallowTestModel(30, 1), new double[59]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("59");
    }

    @Test
    void arpackErrorCodesAreExplained() {
        ArpackException e = new ArpackException("dsaupd", 3, "");
        assertThat(e.info()).isEqualTo(3);
        assertThat(e.routine()).isEqualTo("dsaupd");
        assertThat(e).hasMessageContaining("dsaupd failed with info = 3").hasMessageContaining("increase ncv");
        assertThat(ArpackException.describe("dsaupd", -9999)).contains("Lanczos factorization");
        assertThat(ArpackException.describe("dsaupd", -12)).contains("ishift");
        assertThat(ArpackException.describe("dseupd", -12)).contains("BE");
        assertThat(ArpackException.describe("dseupd", -17)).contains("converged");
        assertThat(ArpackException.describe("dsaupd", 42)).contains("undocumented");
    }
}
