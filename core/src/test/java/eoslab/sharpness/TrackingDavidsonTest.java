package eoslab.sharpness;

import eoslab.dynamics.generic.VectorStepper;
import eoslab.method.GradientDescent;
import eoslab.model.Model;
import eoslab.model.linear.DeepLinearModel;
import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The history-seeded estimator: the contract of every matrix-free estimator, and along a GD trajectory of matrix
 * factorization (a clustered top spectrum) the dense top eigenvalue, with a fifth fewer products than thick-restart
 * Lanczos; a point that does not move is confirmed by one product; restarts allocate no vector.
 */
class TrackingDavidsonTest extends MatrixFreeEstimatorContract {
    @Override
    WarmStartedEstimator create(int k, double tol, int maxRestarts, boolean wantVectors) {
        return new TrackingDavidson(k, tol, maxRestarts, wantVectors);
    }

    /** ½‖W₂W₁ − Φ‖² with Φ 30×30 of rank 4, width 4 (240 parameters), from a fixed small start. */
    private static DeepLinearModel factorization() {
        int p = 30;
        int h = 4;
        double[][] phi = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int c = 0; c < p; c++) {
                double s = 0;
                for (int j = 0; j < h; j++) {
                    s += Math.sin(0.3 * (i + 1) * (j + 1) + 0.5 * j) * Math.cos(0.17 * (c + 1) * (j + 2) - 1.1 * j);
                }
                phi[i][c] = s / 2;
            }
        }
        return DeepLinearModel.target(new int[] {p, h, p}, phi);
    }

    @Test
    void tracksTheDenseSpectrumAlongGradientDescentWithFewerProductsThanThickRestart() {
        DeepLinearModel model = factorization();
        int n = model.dimension();
        double[] theta0 = new double[n];
        for (int t = 0; t < n; t++) {
            theta0[t] = 0.1 * Math.sin(1.61803 * (t + 1));
        }
        Model hessian = model.copy();
        int k = 1;
        TrackingDavidson tracking = new TrackingDavidson(k, 1e-10, 1000, false);
        ThickRestartLanczos thick = new ThickRestartLanczos(k, 1e-10, 1000, false);
        VectorStepper run = new VectorStepper(model.copy(), GradientDescent.constant(0.05), theta0);
        double[] theta = new double[n];
        long trackingProducts = 0;
        long thickProducts = 0;
        for (int step = 0; step < 120; step++) {
            run.theta(theta);
            Sharpness s = tracking.estimate(hessian, theta);
            Sharpness t = thick.estimate(hessian, theta);
            assertThat(s.converged()).isTrue();
            if (step % 15 == 0) {
                Sharpness dense = new DenseSharpness(k, false).estimate(hessian, theta);
                for (int i = 0; i < k; i++) {
                    assertThat(Math.abs(s.eigenvalue(i) - dense.eigenvalue(i))).as("step %d i %d", step, i)
                            .isLessThanOrEqualTo(s.errorBound(i) + ROUNDING * 100);
                }
            }
            for (int i = 0; i < k; i++) {
                assertThat(s.eigenvalue(i)).isCloseTo(t.eigenvalue(i), within(s.errorBound(i) + t.errorBound(i)
                        + ROUNDING * 100));
            }
            trackingProducts += s.hvps();
            thickProducts += t.hvps();
            run.step();
        }
        assertThat((double) trackingProducts).isLessThan(0.8 * thickProducts);
    }

    @Test
    void confirmsAPointThatDidNotMoveWithOneProduct() {
        DeepLinearModel model = factorization();
        double[] theta = new double[model.dimension()];
        for (int t = 0; t < theta.length; t++) {
            theta[t] = 0.2 * Math.cos(0.7 * t);
        }
        TrackingDavidson tracking = new TrackingDavidson(1, 1e-10, 1000, true);
        Sharpness first = tracking.estimate(model, theta);
        Sharpness again = tracking.estimate(model, theta);
        assertThat(again.hvps()).isEqualTo(1);
        assertThat(again.residual(0)).isLessThanOrEqualTo(1e-10 * Math.abs(again.value()));
        assertThat(again.value()).isCloseTo(first.value(), within(first.errorBound(0) + again.errorBound(0)));
        Sharpness dense = new DenseSharpness(1, false).estimate(model, theta);
        assertThat(again.value()).isCloseTo(dense.value(), within(again.errorBound(0) + ROUNDING * 100));
    }

    @Test
    void restartsAllocateNoVectorOfLengthN() {
        int n = 40_000;
        Random rnd = new Random(55);
        SpectralModel model = SpectralModel.quadratic(Fixtures.spectrum(n, 0, 9, rnd, 10, 9.99, 9.98), 2, 56);
        double[] theta = Fixtures.gaussian(n, 1, rnd);
        TrackingDavidson tracking = new TrackingDavidson(1, 1e-10, 1000, false);
        for (int i = 0; i < 5; i++) {
            tracking.reset();
            tracking.estimate(model, theta);
        }
        tracking.reset();
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = bean.getCurrentThreadAllocatedBytes();
        Sharpness cold = tracking.estimate(model, theta);
        long bytes = bean.getCurrentThreadAllocatedBytes() - before;
        // a cold start restarts several times; one vector of length n would be 320 kB
        assertThat(cold.iterations()).isGreaterThan(2);
        assertThat(bytes / cold.hvps()).as("bytes per product").isLessThan(20_000);
    }
}
