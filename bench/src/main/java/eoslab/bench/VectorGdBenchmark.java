package eoslab.bench;

import eoslab.dynamics.shallow.VectorGd;
import eoslab.model.shallow.VectorPoint;
import eoslab.spec.StartSpec;
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
 * One step of GD on the full vectors at width d: it reads a and b and writes them back (4 × 8d bytes of memory traffic:
 * 32 MB at d = 10⁶) while accumulating U = Σ(a+b)² and V = Σ(a−b)² in the same pass. {@link #baseline} streams the same arrays with
 * the same update and no reductions on one thread: a step (which shares large vectors with the other cores) near or
 * below it is memory-bound. Run with
 * {@code -prof gc} to check that {@code gc.alloc.rate.norm} is 0 B/op (everything is allocated once per trial).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class VectorGdBenchmark {
    /** Width d. */
    @Param("1000000")
    public int width;

    private VectorGd gd;
    private double[] a;
    private double[] b;

    /**
     * A Gaussian start of width d with λ₀ ≈ 1 (seed 42) and a stable step (η = 0.1 on Φ = 1): the run converges and
     * then stays at its minimum, so every step costs the same.
     */
    @Setup(Level.Trial)
    public void setUp() {
        double sigma = Math.sqrt(0.5 / width);
        VectorPoint start = new StartSpec.Gaussian(width, sigma, sigma, 42).point();
        gd = VectorGd.from(1.0, 0.1, start);
        a = start.a();
        b = start.b();
    }

    /** One fused step. */
    @Benchmark
    public boolean step() {
        return gd.step();
    }

    /** The same read-modify-write of a and b with a fixed tiny factor and no reductions (a streaming baseline). */
    @Benchmark
    public double baseline() {
        final double h = 1e-12;
        final double[] x = a;
        final double[] y = b;
        for (int i = 0; i < x.length; i++) {
            double ai = x[i];
            double bi = y[i];
            x[i] = ai - h * bi;
            y[i] = bi - h * ai;
        }
        return x[0];
    }
}
