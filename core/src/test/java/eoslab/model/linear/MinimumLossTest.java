package eoslab.model.linear;

import eoslab.EoslabTest;
import java.util.Random;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The closed-form global minimum L* = ½yy − ½ Σ_{j ≤ r} σ_j(C Σ^{+1/2})² against brute force: alternating least
 * squares over rank-r factorizations W = ABᵀ computed here with Hipparchus from the samples (monotone, from several
 * random starts: none may go below L*, the best must reach it), gradient descent on the model itself, and an explicit
 * minimizer built from the Eckart–Young solution whose loss must be L*. Cases include singular Σ (n &lt; p, and
 * collinear inputs with n &gt; p), r below the rank of the data, and r above it (L* = least squares).
 */
class MinimumLossTest extends EoslabTest {

    record Problem(String name, int[] widths, double[][] x, double[][] y) {
        @Override
        public String toString() {
            return name;
        }

        int rank() {
            int r = Integer.MAX_VALUE;
            for (int w : widths) {
                r = Math.min(r, w);
            }
            return r;
        }
    }

    static java.util.stream.Stream<Problem> problems() {
        Random rnd = new Random(21);
        double[][] collinear = TestData.gaussian(10, 4, 1.0, rnd);
        for (double[] row : collinear) {
            row[3] = row[0] - 2 * row[1];
        }
        return java.util.stream.Stream.of(
                new Problem("n=3<p=5, r=2 < rank Σ = 3", new int[] {5, 2, 4}, TestData.gaussian(3, 5, 1.0, rnd),
                        TestData.gaussian(3, 4, 1.0, rnd)),
                new Problem("n=20, full Σ, r=1", new int[] {4, 1, 3}, TestData.gaussian(20, 4, 1.0, rnd),
                        TestData.gaussian(20, 3, 1.0, rnd)),
                new Problem("collinear inputs n=10>p=4, D=3, r=1", new int[] {4, 3, 1, 2}, collinear,
                        TestData.gaussian(10, 2, 1.0, rnd)),
                new Problem("n=10, r=2 ≥ q: least squares", new int[] {3, 5, 2}, TestData.gaussian(10, 3, 1.0, rnd),
                        TestData.gaussian(10, 2, 1.0, rnd)),
                new Problem("n=2<p=4, r=3 ≥ rank Σ: interpolation", new int[] {4, 3, 3}, TestData.gaussian(2, 4, 1.0, rnd),
                        TestData.gaussian(2, 3, 1.0, rnd)));
    }

    /** (1/2n) Σᵢ ‖W xᵢ − yᵢ‖² for W (q × p). */
    static double sampleLoss(RealMatrix w, double[][] x, double[][] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double[] f = w.operate(x[i]);
            for (int a = 0; a < f.length; a++) {
                s += (f[a] - y[i][a]) * (f[a] - y[i][a]);
            }
        }
        return s / (2 * x.length);
    }

    static RealMatrix pinv(RealMatrix m) {
        return new SingularValueDecomposition(m).getSolver().getInverse();
    }

    /** Alternating least squares over W = A Bᵀ, A ∈ ℝ^{q×r}, B ∈ ℝ^{p×r}. */
    static double als(Problem pr, long seed, int iterations) {
        RealMatrix x = new Array2DRowRealMatrix(pr.x());
        RealMatrix y = new Array2DRowRealMatrix(pr.y());
        int p = x.getColumnDimension();
        int r = Math.min(pr.rank(), Math.min(p, y.getColumnDimension()));
        RealMatrix b = new Array2DRowRealMatrix(TestData.gaussian(p, r, 1.0, new Random(seed)));
        RealMatrix xtxPinv = pinv(x.transpose().multiply(x));
        RealMatrix xty = x.transpose().multiply(y);
        RealMatrix a = null;
        double prev = Double.POSITIVE_INFINITY;
        double loss = prev;
        for (int it = 0; it < iterations; it++) {
            RealMatrix f = x.multiply(b); // n × r
            a = pinv(f).multiply(y).transpose(); // q × r
            b = xtxPinv.multiply(xty).multiply(a).multiply(pinv(a.transpose().multiply(a))); // p × r
            loss = sampleLoss(a.multiply(b.transpose()), pr.x(), pr.y());
            assertThat(loss).as("ALS is monotone").isLessThanOrEqualTo(prev + 1e-14);
            if (prev - loss < 1e-17) {
                break;
            }
            prev = loss;
        }
        return loss;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void closedFormMatchesAlternatingLeastSquares(Problem pr) {
        DeepLinearModel model = DeepLinearModel.fromData(pr.widths(), pr.x(), pr.y());
        double lstar = model.minimumLoss();
        double best = Double.POSITIVE_INFINITY;
        for (long seed = 1; seed <= 4; seed++) {
            double l = als(pr, seed, 4000);
            assertThat(l).as("a rank-r fit below L*").isGreaterThanOrEqualTo(lstar - 1e-12 * Math.max(1, lstar));
            best = Math.min(best, l);
        }
        assertThat(best).isCloseTo(lstar, org.assertj.core.data.Offset.offset(1e-10 * Math.max(1, lstar)));
    }

    /**
     * The Eckart–Young minimizer, computed here: W* = (best rank-r approximation of Y_hat in the metric of Σ) built from
     * the least-squares fit via Hipparchus SVDs, factored into layers: the model's loss there is L*.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void anExplicitMinimizerAttainsTheClosedForm(Problem pr) {
        DeepLinearModel model = DeepLinearModel.fromData(pr.widths(), pr.x(), pr.y());
        RealMatrix x = new Array2DRowRealMatrix(pr.x());
        RealMatrix y = new Array2DRowRealMatrix(pr.y());
        // least-squares fit Wls = (X⁺ Y)ᵀ; then the best rank-r W in ‖X Wᵀ − Y‖: project the fitted values X X⁺ Y
        // onto their top r right singular vectors: W* = (X⁺ Yfit Vr Vrᵀ)ᵀ
        RealMatrix xp = pinv(x);
        RealMatrix fitted = x.multiply(xp).multiply(y);
        SingularValueDecomposition svd = new SingularValueDecomposition(fitted);
        int r = Math.min(pr.rank(), svd.getRank());
        RealMatrix vr = svd.getV().getSubMatrix(0, y.getColumnDimension() - 1, 0, r - 1);
        RealMatrix wStar = xp.multiply(fitted).multiply(vr).multiply(vr.transpose()).transpose();
        double direct = sampleLoss(wStar, pr.x(), pr.y());
        double[] theta = LinearStarts.balancedFactorization(pr.widths(), wStar.getData(), 3);
        assertThat(model.loss(theta)).isCloseTo(model.minimumLoss(),
                org.assertj.core.data.Offset.offset(1e-12 * Math.max(1, direct)));
        assertThat(direct).isCloseTo(model.minimumLoss(), org.assertj.core.data.Offset.offset(1e-12 * Math.max(1, direct)));
        double[] grad = new double[model.dimension()];
        model.gradient(theta, grad);
        assertThat(TestData.maxAbs(grad)).isLessThan(1e-12);
    }

    /** Gradient descent on the model itself from random starts never goes below L* and reaches it. */
    @Test
    void gradientDescentOnTheModelReachesButNeverPassesTheMinimum() {
        Problem pr = problems().toList().get(0);
        DeepLinearModel model = DeepLinearModel.fromData(pr.widths(), pr.x(), pr.y());
        double lstar = model.minimumLoss();
        double best = Double.POSITIVE_INFINITY;
        double[] grad = new double[model.dimension()];
        for (long seed = 1; seed <= 3; seed++) {
            double[] theta = LinearStarts.gaussian(pr.widths(), 0.5, seed);
            double loss = Double.NaN;
            for (int step = 0; step < 20000; step++) {
                loss = model.gradient(theta, grad);
                assertThat(loss).isGreaterThanOrEqualTo(lstar - 1e-13);
                for (int i = 0; i < theta.length; i++) {
                    theta[i] -= 0.05 * grad[i];
                }
            }
            best = Math.min(best, loss);
        }
        assertThat(best - lstar).isBetween(-1e-13, 1e-9);
    }

    @Test
    void targetMinimumIsTheEckartYoungTail() {
        double[] s = {3.0, 2.0, 0.5, 0.25};
        double[][] phi = LinearStarts.targetFromSpectrum(s, 4, 5, 9);
        assertThat(DeepLinearModel.target(new int[] {5, 2, 4}, phi).minimumLoss())
                .isCloseTo(0.5 * (0.25 + 0.0625), org.assertj.core.data.Offset.offset(1e-14));
        assertThat(DeepLinearModel.target(new int[] {5, 3, 1, 4}, phi).minimumLoss())
                .isCloseTo(0.5 * (4 + 0.25 + 0.0625), org.assertj.core.data.Offset.offset(1e-14));
        assertThat(DeepLinearModel.target(new int[] {5, 4, 6, 4}, phi).minimumLoss()).isLessThan(1e-28);
        // the balanced factors of the best rank-2 approximation (by a Hipparchus SVD) attain it
        int[] widths = {5, 2, 4};
        DeepLinearModel model = DeepLinearModel.target(widths, phi);
        double[] theta = LinearStarts.balancedFactorization(widths, truncate(phi, 2), 1);
        assertThat(model.loss(theta)).isCloseTo(model.minimumLoss(), org.assertj.core.data.Offset.offset(1e-13));
    }

    /** The best rank-k approximation by a Hipparchus SVD. */
    static double[][] truncate(double[][] m, int k) {
        SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(m));
        RealMatrix u = svd.getU().getSubMatrix(0, m.length - 1, 0, k - 1);
        RealMatrix v = svd.getV().getSubMatrix(0, m[0].length - 1, 0, k - 1);
        RealMatrix sk = svd.getS().getSubMatrix(0, k - 1, 0, k - 1);
        return u.multiply(sk).multiply(v.transpose()).getData();
    }
}
