package eoslab.model.linear;

import eoslab.EoslabTest;
import eoslab.model.Model;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loss, gradient, Hessian-vector products and the dense Hessian of {@link DeepLinearModel} against the independent
 * 50-digit references of {@link HighPrecision}, on random points of depths 2–4, widths including 1, non-square layers,
 * both orientations of the chain (q &lt; p runs on the transposed network), data with n &gt; p and n &lt; p, moments
 * given directly (with a singular Σ) and target matrices.
 */
class DeepLinearDerivativesTest extends EoslabTest {

    /** A model, its independent reference loss and a point. */
    record Case(String name, Model model, HighPrecision.BigLoss reference, double[] theta, boolean dense) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case data(String name, int[] widths, int n, long seed, boolean dense) {
        Random rnd = new Random(seed);
        double[][] x = TestData.gaussian(n, widths[0], 1.0, rnd);
        double[][] y = TestData.gaussian(n, widths[widths.length - 1], 1.0, rnd);
        DeepLinearModel model = DeepLinearModel.fromData(widths, x, y);
        double[] theta = LinearStarts.gaussian(widths, 0.8, seed + 1);
        return new Case(name, model, HighPrecision.deepData(widths, x, y), theta, dense);
    }

    static Case moments(String name, int[] widths, int n, long seed) {
        Random rnd = new Random(seed);
        int p = widths[0];
        int q = widths[widths.length - 1];
        double[][] x = TestData.gaussian(n, p, 1.0, rnd);
        double[][] y = TestData.gaussian(n, q, 1.0, rnd);
        double[][] sigma = new double[p][p];
        double[][] c = new double[q][p];
        double yy = 0;
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    sigma[a][b] += x[i][a] * x[i][b] / n;
                }
                for (int b = 0; b < q; b++) {
                    c[b][a] += y[i][b] * x[i][a] / n;
                }
            }
            for (int b = 0; b < q; b++) {
                yy += y[i][b] * y[i][b] / n;
            }
        }
        DeepLinearModel model = DeepLinearModel.fromMoments(widths, sigma, c, yy);
        double[] theta = LinearStarts.gaussian(widths, 0.8, seed + 1);
        return new Case(name, model, HighPrecision.deepData(widths, x, y), theta, true);
    }

    static Case target(String name, int[] widths, long seed, boolean dense) {
        Random rnd = new Random(seed);
        double[][] phi = TestData.gaussian(widths[widths.length - 1], widths[0], 1.0, rnd);
        DeepLinearModel model = DeepLinearModel.target(widths, phi);
        double[] theta = LinearStarts.gaussian(widths, 0.9, seed + 1);
        return new Case(name, model, HighPrecision.deepTarget(widths, phi), theta, dense);
    }

    static Stream<Case> cases() {
        return Stream.of(
                data("data D=2 3→4→2 n=7 (transposed chain)", new int[] {3, 4, 2}, 7, 11, true),
                data("data D=3 4→2→3→2 n=3<p", new int[] {4, 2, 3, 2}, 3, 12, true),
                data("data D=4 2→1→3→1→3 width 1", new int[] {2, 1, 3, 1, 3}, 5, 13, true),
                data("data D=2 p=q=1 1→3→1", new int[] {1, 3, 1}, 4, 14, true),
                data("data D=3 2→3→2→4 n=1<p", new int[] {2, 3, 2, 4}, 1, 15, true),
                data("data D=3 2→3→2→2 p=q", new int[] {2, 3, 2, 2}, 6, 16, true),
                data("data D=4 5→4→3→2→6 n=9", new int[] {5, 4, 3, 2, 6}, 9, 17, false),
                moments("moments D=2 3→2→2 singular Σ (n=2)", new int[] {3, 2, 2}, 2, 18),
                moments("moments D=3 2→2→1→3 full Σ", new int[] {2, 2, 1, 3}, 5, 19),
                target("target D=2 4→2→3 (transposed)", new int[] {4, 2, 3}, 20, true),
                target("target D=3 2→3→1→3", new int[] {2, 3, 1, 3}, 21, true),
                target("target D=4 scalar chain", new int[] {1, 1, 1, 1, 1}, 22, true),
                target("target D=3 3→5→4→2 (transposed)", new int[] {3, 5, 4, 2}, 23, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void lossMatchesTheDefinition(Case c) {
        double ref = HighPrecision.loss(c.reference(), c.theta());
        assertThat(c.model().loss(c.theta())).isCloseTo(ref, org.assertj.core.data.Offset.offset(2e-14 * Math.max(1, ref)));
        double[] grad = new double[c.model().dimension()];
        assertThat(c.model().gradient(c.theta(), grad)).isEqualTo(c.model().loss(c.theta()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientMatchesFiniteDifferences(Case c) {
        double[] grad = new double[c.model().dimension()];
        c.model().gradient(c.theta(), grad);
        double[] ref = HighPrecision.gradient(c.reference(), c.theta(), 1e-12);
        assertThat(TestData.relErr(grad, ref)).isLessThan(1e-13);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hessianVectorProductsMatchFiniteDifferences(Case c) {
        Model model = c.model();
        int n = model.dimension();
        Random rnd = new Random(99);
        for (int rep = 0; rep < 2; rep++) {
            double[] v = TestData.gaussian(n, 1.0, rnd);
            double[] hv = new double[n];
            model.hessianVector(c.theta(), v, hv);
            double[] ref = HighPrecision.hessianVector(c.reference(), c.theta(), v, 1e-10);
            assertThat(TestData.relErr(hv, ref)).as("direction %d", rep).isLessThan(1e-12);
        }
    }

    /** The cases small enough for a dense finite-difference Hessian (4 high-precision losses per entry). */
    static Stream<Case> denseCases() {
        return cases().filter(Case::dense);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("denseCases")
    void denseHessianMatchesFiniteDifferences(Case c) {
        double[][] h = TestData.hessian(c.model(), c.theta());
        double[][] ref = HighPrecision.hessian(c.reference(), c.theta(), 1e-10);
        assertThat(TestData.relErr(h, ref)).isLessThan(1e-12);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hessianIsSymmetric(Case c) {
        Model model = c.model();
        int n = model.dimension();
        Random rnd = new Random(7);
        for (int rep = 0; rep < 3; rep++) {
            double[] u = TestData.gaussian(n, 1.0, rnd);
            double[] w = TestData.gaussian(n, 1.0, rnd);
            double[] hu = new double[n];
            double[] hw = new double[n];
            model.hessianVector(c.theta(), u, hu);
            model.hessianVector(c.theta(), w, hw);
            double a = TestData.dot(u, hw);
            double b = TestData.dot(hu, w);
            double scale = Math.sqrt(TestData.dot(u, u) * TestData.dot(hw, hw));
            assertThat(Math.abs(a - b)).isLessThan(1e-14 * n * scale);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void cachedAndFreshEvaluationsAgree(Case c) {
        Model model = c.model();
        Model fresh = model.copy();
        int n = model.dimension();
        double[] other = LinearStarts.gaussian(((DeepLinearModel) model).widths(), 0.5, 1234);
        double[] v = TestData.gaussian(n, 1.0, new Random(3));
        double[] g1 = new double[n];
        double[] g2 = new double[n];
        double[] h1 = new double[n];
        double[] h2 = new double[n];
        // model: gradient, then HVP at the same θ (cached path); fresh: HVP after evaluating elsewhere
        model.gradient(c.theta(), g1);
        model.hessianVector(c.theta(), v, h1);
        fresh.loss(other);
        fresh.hessianVector(c.theta(), v, h2);
        fresh.gradient(c.theta(), g2);
        assertThat(h2).containsExactly(h1);
        assertThat(g2).containsExactly(g1);
        // changing θ in place is seen
        double[] theta = c.theta().clone();
        double before = model.loss(theta);
        theta[0] += 0.25;
        assertThat(model.loss(theta)).isNotEqualTo(before).isEqualTo(fresh.loss(theta));
    }

    static List<Case> all() {
        return cases().toList();
    }
}
