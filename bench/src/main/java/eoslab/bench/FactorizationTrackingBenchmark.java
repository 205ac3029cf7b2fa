package eoslab.bench;

import eoslab.dynamics.generic.VectorStepper;
import eoslab.method.GradientDescent;
import eoslab.model.Model;
import eoslab.model.linear.DeepLinearModel;
import eoslab.service.Sharpnesses;
import eoslab.sharpness.LanczosSharpness;
import eoslab.sharpness.Sharpness;
import eoslab.sharpness.SharpnessEstimator;
import eoslab.sharpness.ThickRestartLanczos;
import eoslab.sharpness.TrackingDavidson;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * GD on matrix factorization with the sharpness tracked at every step, the Java side of
 * {@code bench/python/mf_sharpness.py} (same problem from the same formulas: a 100×100 target of rank 10, inner width
 * 10, 2000 parameters, {@link #STEPS} steps of size {@link #ETA}): one operation is the whole run, so the time per step
 * is the score divided by {@link #STEPS}. {@code estimator} is {@code lanczos} (what {@code --sharpness lanczos}
 * picks at this size: {@link TrackingDavidson}), {@code thick-restart} ({@link ThickRestartLanczos}, ncv = 20) or
 * {@code arpack} (ncv = 20), all k = 1, tol = 1e-10, warm-started; the counter {@code hvps} is the Hessian-vector
 * products per run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FactorizationTrackingBenchmark {
    /** GD steps per operation. */
    public static final int STEPS = 200;
    /** The step size. */
    public static final double ETA = 0.1;
    private static final int P = 100;
    private static final int H = 10;

    /** Which estimator. */
    @Param({"lanczos", "thick-restart", "arpack"})
    public String estimator;

    private DeepLinearModel model;
    private double[] theta0;

    /** Counts Hessian-vector products per operation. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        /** Hessian-vector products. */
        public long hvps;

        /** Resets the counter. */
        @Setup(Level.Iteration)
        public void clean() {
            hvps = 0;
        }
    }

    /** The problem of mf_sharpness.py. */
    @Setup(Level.Trial)
    public void setUp() {
        double[][] phi = new double[P][P];
        for (int i = 0; i < P; i++) {
            for (int k = 0; k < P; k++) {
                double s = 0;
                for (int j = 0; j < H; j++) {
                    s += Math.sin(0.3 * (i + 1) * (j + 1) + 0.5 * j) * Math.cos(0.17 * (k + 1) * (j + 2) - 1.1 * j);
                }
                phi[i][k] = s / 10;
            }
        }
        model = DeepLinearModel.target(new int[] {P, H, P}, phi);
        theta0 = new double[model.dimension()];
        for (int t = 0; t < theta0.length; t++) {
            theta0[t] = 0.1 * Math.sin(1.61803 * (t + 1));
        }
    }

    /** One run: STEPS GD steps, the top Hessian eigenvalue before each. */
    @Benchmark
    public double run(Counters counters) {
        Model stepModel = model.copy();
        Model hessianModel = model.copy();
        VectorStepper stepper = new VectorStepper(stepModel, GradientDescent.constant(ETA), theta0);
        SharpnessEstimator lanczos = switch (estimator) {
            case "arpack" -> new LanczosSharpness(1, 1e-10, 1000, false);
            case "thick-restart" -> new ThickRestartLanczos(1, 1e-10, 1000, false);
            default -> Sharpnesses.lanczos(1, theta0.length);
        };
        double[] theta = new double[theta0.length];
        double last = 0;
        for (int k = 0; k < STEPS; k++) {
            stepper.theta(theta);
            Sharpness s = lanczos.estimate(hessianModel, theta);
            counters.hvps += s.hvps();
            last = s.value();
            stepper.step();
        }
        return last + stepper.loss();
    }
}
