package eoslab.bench.kernel;

import eoslab.dynamics.shallow.LaneKernel;
import eoslab.dynamics.shallow.LaneResults;
import eoslab.sweep.KernelBench;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the phase kernel in lane-steps per second (one operation = one GD step of one lane): the full
 * {@link LaneKernel} with its exact event checks and period classification, the same with the JIT's
 * auto-vectorization switched off (to show that the loop vectorizes), and the bare map loop without checks as the
 * ceiling. The lanes are those of {@link KernelBench.Workload}: normal-range values, or orbits that decay into subnormal
 * numbers; none finishes early.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LaneKernelBenchmark {
    private static final int LANES = 512;

    /** The lanes' workload. */
    @Param({"NORMAL", "SUBNORMAL"})
    public KernelBench.Workload workload;
    private static final int STEPS = 16384;

    private final LaneKernel kernel = new LaneKernel(LANES);
    private final double[] p = new double[LANES];
    private final double[] q = new double[LANES];
    private final double[] eta = new double[LANES];
    private final double[] bp = new double[LANES];
    private final double[] bq = new double[LANES];
    private final LaneResults out = new LaneResults(LANES);

    /** Lanes on bounded orbits. */
    @Setup
    public void setUp() {
        workload.fill(p, q, eta, LANES);
    }

    /** The kernel as phase maps use it. */
    @Benchmark
    @OperationsPerInvocation(LANES * STEPS)
    public int kernel() {
        kernel.run(1.0, workload.tol(), STEPS, p, q, eta, LANES, out);
        return out.steps(LANES - 1);
    }

    /** The kernel with C2's superword vectorization disabled. */
    @Benchmark
    @OperationsPerInvocation(LANES * STEPS)
    @Fork(value = 1, jvmArgsAppend = "-XX:-UseSuperWord")
    public int kernelScalar() {
        return kernel();
    }

    /** The bare map over the same lanes, no checks: the ceiling of the auto-vectorized loop. */
    @Benchmark
    @OperationsPerInvocation(LANES * STEPS)
    public double bareLoop() {
        System.arraycopy(p, 0, bp, 0, LANES);
        System.arraycopy(q, 0, bq, 0, LANES);
        for (int s = 0; s < STEPS; s++) {
            for (int i = 0; i < LANES; i++) {
                double pi = bp[i];
                double qi = bq[i];
                double e = 0.25 * (pi * pi - qi * qi) - 1.0;
                double h = eta[i] * e;
                bp[i] = (1.0 - h) * pi;
                bq[i] = (1.0 + h) * qi;
            }
        }
        return bp[LANES - 1];
    }
}
