package eoslab.bench;

import eoslab.dynamics.RunResult;
import eoslab.dynamics.Runner;
import eoslab.dynamics.StopRule;
import eoslab.dynamics.shallow.ReducedGd;
import eoslab.model.shallow.ReducedPoint;
import eoslab.model.shallow.ShallowState;
import eoslab.model.shallow.VectorPoint;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * 10⁶ steps of the exact reduced GD map: through {@link Runner} with no observers (what {@code eoslab run} does),
 * and as the bare stepper loop. One operation = 10⁶ steps. The step size is small enough that |ε| never reaches the
 * tolerance, so every operation runs all 10⁶ steps.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReducedGdBenchmark {
    /** Steps per operation. */
    static final int STEPS = 1_000_000;

    /** Relative step c of η = c·2/λ_GF; tiny, so the run lasts all 10⁶ steps. */
    @Param("1e-7")
    public double etaRel;

    private VectorPoint start;
    private double eta;
    private StopRule rule;

    /** The canonical start (m₀, λ₀) = (0.1, 5) on Φ = 1. */
    @Setup
    public void setUp() {
        start = ReducedPoint.canonical(0.1, 5.0).toVectors();
        eta = etaRel * 2.0 / Math.hypot(2.0, start.imbalance());
        rule = new StopRule(STEPS, 1e-12);
    }

    /** Runner.run over 10⁶ steps, no observers. */
    @Benchmark
    public RunResult<ShallowState> runner() {
        RunResult<ShallowState> r = Runner.run(ReducedGd.from(1.0, eta, start), rule, List.of());
        if (r.steps() != STEPS) {
            throw new IllegalStateException("run ended early at step " + r.steps());
        }
        return r;
    }

    /** The raw loop: 10⁶ calls of step(). */
    @Benchmark
    public double rawLoop() {
        ReducedGd gd = ReducedGd.from(1.0, eta, start);
        for (int i = 0; i < STEPS; i++) {
            gd.step();
        }
        return gd.residual();
    }
}
