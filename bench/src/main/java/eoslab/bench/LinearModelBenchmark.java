package eoslab.bench;

import eoslab.model.linear.DeepLinearModel;
import eoslab.model.linear.LinearStarts;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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
 * Gradient against Hessian-vector product of {@link DeepLinearModel}, which should cost at most about 3 gradients.
 * Problems: {@code deep4}, a depth-4 network 64→128→128→128→64 (49 152 parameters) on a data set of 1000 samples
 * (full-rank Σ, so the data term costs 2qp² per gradient), and {@code factorization}, 100×100 matrix factorization of
 * rank 10 (widths 100→10→100, 2000 parameters) on a target of rank 10. The model caches the last θ, so
 * {@link #gradient}, {@link #loss} and {@link #hvpFresh} alternate between two points (every call recomputes
 * everything), while {@link #hvpCached} repeats one point (the prefix products and signals are reused, as in a Lanczos
 * iteration for the sharpness). Run with {@code -prof gc} to check 0 B/op.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LinearModelBenchmark {
    /** Which problem. */
    @Param({"deep4", "factorization"})
    public String problem;

    private DeepLinearModel model;
    private double[] theta1;
    private double[] theta2;
    private double[] v;
    private double[] out;
    private int k;

    /** Builds the problem and two seeded starts. */
    @Setup(Level.Trial)
    public void setUp() {
        Random rnd = new Random(1);
        int[] widths;
        if (problem.equals("deep4")) {
            widths = new int[] {64, 128, 128, 128, 64};
            int n = 1000;
            double[][] x = new double[n][64];
            double[][] y = new double[n][64];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < 64; j++) {
                    x[i][j] = rnd.nextGaussian();
                    y[i][j] = rnd.nextGaussian();
                }
            }
            model = DeepLinearModel.fromData(widths, x, y);
        } else {
            widths = new int[] {100, 10, 100};
            double[] s = new double[10];
            for (int j = 0; j < 10; j++) {
                s[j] = 10.0 - j;
            }
            model = DeepLinearModel.target(widths, LinearStarts.targetFromSpectrum(s, 100, 100, 2));
        }
        theta1 = LinearStarts.gaussian(widths, 0.1, 3);
        theta2 = LinearStarts.gaussian(widths, 0.1, 4);
        v = LinearStarts.gaussian(widths, 1.0, 5);
        out = new double[model.dimension()];
    }

    private double[] next() {
        return (k++ & 1) == 0 ? theta1 : theta2;
    }

    /** Loss and gradient at a new point. */
    @Benchmark
    public double gradient() {
        return model.gradient(next(), out);
    }

    /** Loss only, at a new point (the forward pass). */
    @Benchmark
    public double loss() {
        return model.loss(next());
    }

    /** Hessian-vector product at a new point (forward, backward and their derivatives). */
    @Benchmark
    public double[] hvpFresh() {
        model.hessianVector(next(), v, out);
        return out;
    }

    /** Hessian-vector product at the point of the previous call (only the derivative passes). */
    @Benchmark
    public double[] hvpCached() {
        model.hessianVector(theta1, v, out);
        return out;
    }
}
