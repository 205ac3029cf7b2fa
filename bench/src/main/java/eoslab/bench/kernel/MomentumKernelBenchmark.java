package eoslab.bench.kernel;

import eoslab.dynamics.shallow.LaneKernel;
import eoslab.dynamics.shallow.LaneResults;
import eoslab.dynamics.shallow.MomentumKernel;
import eoslab.sweep.KernelBench;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the momentum phase kernel in lane-steps per second (one operation = one step of one lane), for heavy
 * ball and Nesterov with β = {@link KernelBench.Kernel#BETA}, next to the GD kernel on the same lanes (the
 * {@link KernelBench.Workload#NORMAL} workload), so that one JMH run measures the three back to back. The tolerance is
 * −1, which no lane ever meets: with tolerance 0 some lanes reach ε = 0 exactly and stop early (more of them with
 * momentum), and JMH's fixed operation count would then overstate the work; here every lane of every kernel runs the
 * whole budget. The target is a momentum kernel at ≥ 0.6× the GD kernel's lane-steps per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MomentumKernelBenchmark {
    private static final int LANES = 512;
    private static final int STEPS = 16384;
    /** A tolerance no lane meets. */
    private static final double NEVER = -1;

    private final LaneKernel gdKernel = new LaneKernel(LANES);
    private final MomentumKernel kernel = new MomentumKernel(LANES);
    private final double[] p = new double[LANES];
    private final double[] q = new double[LANES];
    private final double[] eta = new double[LANES];
    private final LaneResults out = new LaneResults(LANES);

    /** The workload's lanes. */
    @Setup
    public void setUp() {
        KernelBench.Workload.NORMAL.fill(p, q, eta, LANES);
    }

    /** The GD kernel on the same lanes (the reference of the ratio). */
    @Benchmark
    @OperationsPerInvocation(LANES * STEPS)
    public int gd() {
        gdKernel.run(1.0, NEVER, STEPS, p, q, eta, LANES, out);
        return out.steps(LANES - 1);
    }

    /** Heavy ball. */
    @Benchmark
    @OperationsPerInvocation(LANES * STEPS)
    public int heavyBall() {
        kernel.run(false, KernelBench.Kernel.BETA, 1.0, NEVER, STEPS, p, q, eta, LANES, out);
        return out.steps(LANES - 1);
    }

    /** Nesterov. */
    @Benchmark
    @OperationsPerInvocation(LANES * STEPS)
    public int nesterov() {
        kernel.run(true, KernelBench.Kernel.BETA, 1.0, NEVER, STEPS, p, q, eta, LANES, out);
        return out.steps(LANES - 1);
    }
}
