package eoslab.model.linear;

import eoslab.EoslabTest;
import java.util.Random;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conserved matrices Q_i = W_{i+1}ᵀW_{i+1} − W_iW_iᵀ: their values against explicit loops, their conservation along
 * a high-accuracy gradient-flow solution, and the nuclear-norm imbalance against the shallow model's Q and against
 * Hipparchus eigenvalues.
 */
class ConservedQuantitiesTest extends EoslabTest {

    /** Q_i by explicit loops over the row-major blocks of θ. */
    static double[][][] explicit(int[] widths, double[] theta) {
        int depth = widths.length - 1;
        int[] off = new int[depth + 1];
        for (int l = 1; l <= depth; l++) {
            off[l] = off[l - 1] + widths[l] * widths[l - 1];
        }
        double[][][] q = new double[depth - 1][][];
        for (int i = 1; i < depth; i++) {
            int h = widths[i];
            double[][] qi = new double[h][h];
            for (int a = 0; a < h; a++) {
                for (int b = 0; b < h; b++) {
                    double s = 0;
                    for (int r = 0; r < widths[i + 1]; r++) { // (W_{i+1}ᵀW_{i+1})_{ab}
                        s += theta[off[i] + r * h + a] * theta[off[i] + r * h + b];
                    }
                    for (int c = 0; c < widths[i - 1]; c++) { // (W_iW_iᵀ)_{ab}
                        s -= theta[off[i - 1] + a * widths[i - 1] + c] * theta[off[i - 1] + b * widths[i - 1] + c];
                    }
                    qi[a][b] = s;
                }
            }
            q[i - 1] = qi;
        }
        return q;
    }

    static double nuclearByEigenvalues(double[][] q) {
        double s = 0;
        for (double mu : new EigenDecompositionSymmetric(new Array2DRowRealMatrix(q)).getEigenvalues()) {
            s += Math.abs(mu);
        }
        return s;
    }

    static final int[][] SHAPES = {
        {2, 6, 3, 1, 5}, // h1 = 6 > 3 + 2: the low-rank path; others direct
        {5, 9, 2, 3}, // transposed chain, h1 = 9 > 2 + 5
        {3, 4, 2}, // direct
        {1, 50, 1}, // shallow, wide
    };

    @Test
    void conservedMatchesExplicitLoopsAndImbalanceMatchesEigenvalues() {
        for (int[] widths : SHAPES) {
            DeepLinearModel model = DeepLinearModel.target(widths,
                    TestData.gaussian(widths[widths.length - 1], widths[0], 1.0, new Random(1)));
            double[] theta = LinearStarts.gaussian(widths, 0.7, 2);
            double[] out = new double[model.conservedDimension()];
            model.conserved(theta, out);
            double[][][] q = explicit(widths, theta);
            int k = 0;
            double nuclear = 0;
            for (double[][] qi : q) {
                for (double[] row : qi) {
                    for (double x : row) {
                        assertThat(Math.abs(out[k++] - x)).isLessThan(1e-14);
                    }
                }
                nuclear += nuclearByEigenvalues(qi);
            }
            assertThat(k).isEqualTo(out.length);
            assertThat(TestData.maxAbs(out)).isGreaterThan(0.1);
            assertThat(Math.abs(model.imbalance(theta) - nuclear)).isLessThan(1e-12 * nuclear);
        }
    }

    /** ‖bbᵀ − aaᵀ‖_* = ‖a + b‖·‖a − b‖ = √(λ² − 4m²). */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 50})
    void nuclearImbalanceIsTheShallowQ(int d) {
        DeepLinearModel model = DeepLinearModel.target(new int[] {1, d, 1}, new double[][] {{1.0}});
        Random rnd = new Random(d);
        for (int rep = 0; rep < 5; rep++) {
            double[] a = TestData.gaussian(d, 0.3 + rep, rnd);
            double[] b = TestData.gaussian(d, 1.0, rnd);
            double[] theta = ShallowEquivalenceTest.concat(a, b);
            double m = TestData.dot(a, b);
            double lambda = TestData.dot(a, a) + TestData.dot(b, b);
            double[] sum = new double[d];
            double[] diff = new double[d];
            for (int i = 0; i < d; i++) {
                sum[i] = a[i] + b[i];
                diff[i] = a[i] - b[i];
            }
            double q = Math.sqrt(TestData.dot(sum, sum) * TestData.dot(diff, diff));
            assertThat(Math.abs(q - Math.sqrt(lambda * lambda - 4 * m * m))).isLessThan(1e-12 * lambda);
            assertThat(Math.abs(model.imbalance(theta) - q)).isLessThan(1e-12 * lambda);
        }
        // a = ±b: Q = 0
        double[] a = TestData.gaussian(d, 1.0, rnd);
        assertThat(model.imbalance(ShallowEquivalenceTest.concat(a, a))).isLessThan(1e-14 * d);
    }

    record FlowCase(String name, DeepLinearModel model, double[] theta0, double time) {
        @Override
        public String toString() {
            return name;
        }
    }

    static java.util.stream.Stream<FlowCase> flows() {
        Random rnd = new Random(3);
        int[] w1 = {3, 4, 2, 2};
        DeepLinearModel data = DeepLinearModel.fromData(w1, TestData.gaussian(8, 3, 1.0, rnd),
                TestData.gaussian(8, 2, 1.0, rnd));
        int[] w2 = {4, 3, 2};
        DeepLinearModel target = DeepLinearModel.target(w2, TestData.gaussian(2, 4, 1.0, rnd));
        int[] w3 = {2, 3, 1, 2, 3};
        DeepLinearModel deep = DeepLinearModel.fromData(w3, TestData.gaussian(2, 2, 1.0, rnd),
                TestData.gaussian(2, 3, 1.0, rnd));
        return java.util.stream.Stream.of(
                new FlowCase("data D=3", data, LinearStarts.gaussian(w1, 0.6, 4), 20),
                new FlowCase("target D=2 transposed", target, LinearStarts.gaussian(w2, 0.6, 5), 20),
                new FlowCase("data D=4 n<p width 1", deep, LinearStarts.gaussian(w3, 0.8, 6), 20));
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("flows")
    void gradientFlowConservesQ(FlowCase c) {
        DeepLinearModel model = c.model();
        double[] q0 = new double[model.conservedDimension()];
        model.conserved(c.theta0(), q0);
        double scale = TestData.maxAbs(q0);
        double imb0 = model.imbalance(c.theta0());
        assertThat(scale).isGreaterThan(0.05);
        double[] theta = c.theta0();
        double l0 = model.loss(theta);
        for (int seg = 0; seg < 4; seg++) {
            theta = Flow.integrate(model, theta, c.time() / 4);
            double[] q = new double[q0.length];
            model.conserved(theta, q);
            assertThat(TestData.maxAbsDiff(q, q0)).as("segment %d", seg).isLessThan(1e-9 * scale);
            assertThat(Math.abs(model.imbalance(theta) - imb0)).isLessThan(1e-9 * imb0);
        }
        // the flow did move: the loss fell by more than half of what it can, and θ changed
        assertThat(model.loss(theta) - model.minimumLoss()).isLessThan(0.5 * (l0 - model.minimumLoss()));
        assertThat(TestData.maxAbsDiff(theta, c.theta0())).isGreaterThan(0.05);
    }
}
