package eoslab.model.diagonal;

import eoslab.EoslabTest;
import eoslab.model.linear.Flow;
import eoslab.model.linear.HighPrecision;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The diagonal network against independent references: loss, gradient, Hessian-vector products and dense Hessian
 * against 50-digit finite differences of the loss computed from the samples, conservation of u⊙v along a
 * Dormand–Prince solution, L* against least squares by Hipparchus, the sparse generator, and the starts.
 */
class DiagonalModelTest extends EoslabTest {

    record Case(String name, DiagonalModel model, double[][] x, double[] y, double[] theta, boolean viaMoments) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case data(String name, int n, int p, long seed, boolean viaMoments) {
        Random rnd = new Random(seed);
        double[][] x = new double[n][p];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i][j] = rnd.nextGaussian();
            }
            y[i] = rnd.nextGaussian();
        }
        DiagonalModel model;
        if (viaMoments) {
            double[][] sigma = new double[p][p];
            double[] c = new double[p];
            double yy = 0;
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < p; a++) {
                    for (int b = 0; b < p; b++) {
                        sigma[a][b] += x[i][a] * x[i][b] / n;
                    }
                    c[a] += x[i][a] * y[i] / n;
                }
                yy += y[i] * y[i] / n;
            }
            model = DiagonalModel.fromMoments(sigma, c, yy);
        } else {
            model = DiagonalModel.fromData(x, y);
        }
        return new Case(name, model, x, y, DiagonalStarts.gaussian(p, 0.8, seed + 1), viaMoments);
    }

    static java.util.stream.Stream<Case> cases() {
        return java.util.stream.Stream.of(data("n=8 > p=4", 8, 4, 1, false), data("n=3 < p=6", 3, 6, 2, false),
                data("moments, n=2 < p=4 (singular Σ)", 2, 4, 3, true), data("p=1", 5, 1, 4, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void derivativesMatchHighPrecisionFiniteDifferences(Case c) {
        HighPrecision.BigLoss ref = HighPrecision.diagonal(c.x(), c.y());
        DiagonalModel model = c.model();
        int n = model.dimension();
        double l = HighPrecision.loss(ref, c.theta());
        assertThat(model.loss(c.theta())).isCloseTo(l, within(2e-14 * Math.max(1, l)));
        double[] grad = new double[n];
        assertThat(model.gradient(c.theta(), grad)).isEqualTo(model.loss(c.theta()));
        assertThat(relErr(grad, HighPrecision.gradient(ref, c.theta(), 1e-12))).isLessThan(1e-13);
        Random rnd = new Random(5);
        for (int rep = 0; rep < 2; rep++) {
            double[] v = gaussian(n, rnd);
            double[] hv = new double[n];
            model.hessianVector(c.theta(), v, hv);
            assertThat(relErr(hv, HighPrecision.hessianVector(ref, c.theta(), v, 1e-10))).isLessThan(1e-12);
        }
        double[][] h = new double[n][n];
        double[] e = new double[n];
        for (int k = 0; k < n; k++) {
            e[k] = 1;
            model.hessianVector(c.theta(), e, h[k]);
            e[k] = 0;
        }
        double[][] href = HighPrecision.hessian(ref, c.theta(), 1e-10);
        double diff = 0;
        double scale = 0;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                diff = Math.max(diff, Math.abs(h[a][b] - href[a][b]));
                scale = Math.max(scale, Math.abs(href[a][b]));
                assertThat(h[a][b]).as("symmetric").isCloseTo(h[b][a], within(1e-14 * Math.max(1, Math.abs(h[a][b]))));
            }
        }
        assertThat(diff).isLessThan(1e-12 * scale);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void minimumIsTheLeastSquaresLoss(Case c) {
        RealMatrix x = new Array2DRowRealMatrix(c.x());
        double[] beta = new SingularValueDecomposition(x).getSolver().solve(new org.hipparchus.linear.ArrayRealVector(c.y()))
                .toArray();
        double ls = 0;
        for (int i = 0; i < c.y().length; i++) {
            double r = -c.y()[i];
            for (int j = 0; j < beta.length; j++) {
                r += c.x()[i][j] * beta[j];
            }
            ls += r * r / (2 * c.y().length);
        }
        assertThat(c.model().minimumLoss()).isCloseTo(ls, within(1e-13));
        double[] theta = DiagonalStarts.fromBeta(beta);
        assertThat(c.model().loss(theta)).isCloseTo(ls, within(1e-13));
        if (c.y().length < beta.length) {
            // interpolation: from samples L* is computed from the residual itself; from moments it is ½yy − ½‖z‖²,
            // a difference accurate to about ε·yy
            assertThat(c.model().minimumLoss()).isLessThan(c.viaMoments() ? 1e-15 * c.model().moments().yy() : 1e-28);
        }
    }

    @Test
    void gradientFlowConservesTheProducts() {
        Case c = data("flow", 6, 4, 9, false);
        double[] theta0 = c.theta();
        double[] q0 = new double[4];
        c.model().conserved(theta0, q0);
        double scale = maxAbs(q0);
        assertThat(scale).isGreaterThan(0.1);
        for (int j = 0; j < 4; j++) {
            assertThat(q0[j]).isEqualTo(theta0[j] * theta0[4 + j]);
        }
        double imb0 = c.model().imbalance(theta0);
        double expected = 0;
        for (double qj : q0) {
            expected += Math.abs(qj);
        }
        assertThat(imb0).isEqualTo(expected);
        double[] theta = theta0;
        double l0 = c.model().loss(theta0);
        for (int seg = 0; seg < 4; seg++) {
            theta = Flow.integrate(c.model(), theta, 5);
            double[] q = new double[4];
            c.model().conserved(theta, q);
            for (int j = 0; j < 4; j++) {
                assertThat(Math.abs(q[j] - q0[j])).isLessThan(1e-9 * scale);
            }
        }
        assertThat(c.model().loss(theta) - c.model().minimumLoss()).isLessThan(0.5 * (l0 - c.model().minimumLoss()));
    }

    @Test
    void sparseProblemIsTheDocumentedDraw() {
        SparseData d = SparseData.generate(6, 5, 3, 0.1, 42);
        assertThat(d.beta()).containsExactly(1, -1, 1, 0, 0);
        Random rnd = new Random(42);
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 5; j++) {
                assertThat(d.x()[i][j]).isEqualTo(rnd.nextGaussian());
            }
        }
        for (int i = 0; i < 6; i++) {
            double f = d.x()[i][0] - d.x()[i][1] + d.x()[i][2];
            assertThat(d.y()[i]).isEqualTo(f + 0.1 * rnd.nextGaussian());
        }
        // noiseless and underdetermined: β* interpolates, L* = 0 and the loss at β* is ~0 far below rounding of yy
        DiagonalModel model = DiagonalModel.sparse(10, 30, 4, 0.0, 7);
        assertThat(model.minimumLoss()).isLessThan(1e-28);
        assertThat(model.loss(DiagonalStarts.fromBeta(SparseData.planted(30, 4)))).isLessThan(1e-28);
        assertThat(model.moments().yy()).isGreaterThan(0.5);
        assertThat(model.loss(DiagonalStarts.uniform(30, 0.1))).isCloseTo(0.5 * model.moments().yy(), within(1e-15));
        // with noise and n > p: L* is the positive least-squares residual
        assertThat(DiagonalModel.sparse(40, 5, 2, 0.3, 7).minimumLoss()).isBetween(0.01, 0.1);
    }

    @Test
    void startsAreAsDocumentedAndReproducible() throws Exception {
        double[] uniform = DiagonalStarts.uniform(4, 0.3);
        assertThat(uniform).containsOnly(0.3).hasSize(8);
        DiagonalModel model = DiagonalModel.sparse(5, 4, 2, 0.0, 1);
        double[] beta = new double[4];
        model.beta(uniform, beta);
        assertThat(beta).containsOnly(0.0);
        assertThat(model.imbalance(uniform)).isCloseTo(4 * 0.09, within(1e-16));
        double[] g = DiagonalStarts.gaussian(3, 0.5, 11);
        Random rnd = new Random(11);
        for (double gi : g) {
            assertThat(gi).isEqualTo(0.5 * rnd.nextGaussian());
        }
        assertThat(DiagonalStarts.explicit(new double[] {1, 2}, new double[] {3, 4})).containsExactly(1, 2, 3, 4);
        double[] fb = DiagonalStarts.fromBeta(new double[] {4, -9, 0});
        assertThat(fb).containsExactly(2, 0, 0, 0, 3, 0);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<double[]>> fs = new ArrayList<>();
            List<Future<double[]>> ys = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                fs.add(pool.submit(() -> DiagonalStarts.gaussian(50, 0.5, 11)));
                ys.add(pool.submit(() -> SparseData.generate(20, 30, 3, 0.2, 5).y()));
            }
            double[] y0 = SparseData.generate(20, 30, 3, 0.2, 5).y();
            for (int t = 0; t < 6; t++) {
                assertThat(fs.get(t).get()).containsExactly(DiagonalStarts.gaussian(50, 0.5, 11));
                assertThat(ys.get(t).get()).containsExactly(y0);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void layoutCopyAndValidation() {
        DiagonalModel model = DiagonalModel.sparse(5, 3, 1, 0.0, 2);
        assertThat(model.family()).isEqualTo("diagonal");
        assertThat(model.dimension()).isEqualTo(6);
        assertThat(model.layout().block("u").offset()).isZero();
        assertThat(model.layout().block("v").offset()).isEqualTo(3);
        double[] theta = DiagonalStarts.gaussian(3, 1, 3);
        assertThat(model.copy().loss(theta)).isEqualTo(model.loss(theta));
        assertThatThrownBy(() -> model.loss(new double[5])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SparseData.generate(5, 3, 4, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    static double[] gaussian(int n, Random rnd) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextGaussian();
        }
        return v;
    }

    static double maxAbs(double[] a) {
        double m = 0;
        for (double x : a) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    static double relErr(double[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d / maxAbs(b);
    }
}
