package eoslab.service;

import eoslab.EoslabTest;
import eoslab.dynamics.Engine;
import eoslab.dynamics.Outcome;
import eoslab.dynamics.Precision;
import eoslab.dynamics.StopRule;
import eoslab.spec.EtaSpec;
import eoslab.spec.MethodSpec;
import eoslab.spec.ModelSpec;
import eoslab.spec.RunSpec;
import eoslab.spec.ScheduleSpec;
import eoslab.spec.StartSpec;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A warm-up's run converges only after the warm-up and on a minimum the target step holds. From a start whose GF
 * solution (λ_GF ≈ 12.6) the target step η ≈ 0.246 cannot hold (2/η ≈ 8.13), a warm-up from 0 over 100 steps meets the
 * tolerance near that minimum long before the target step is reached: in 40-digit arithmetic the run then leaves it at
 * the target step and converges at step 218 on a minimum of sharpness 2.03; in double arithmetic the residual there is
 * exactly 0, a fixed point the run cannot leave, so it reports no convergence at all.
 */
class WarmupConvergenceTest extends EoslabTest {
    private static RunSpec spec(ScheduleSpec schedule, long steps, Precision precision) {
        return new RunSpec(ModelSpec.Shallow.ofPhi(1.0), new StartSpec.Gaussian(20, 0.5, 0.5, 1),
                MethodSpec.of("gd", null, schedule), new EtaSpec.Absolute(0.2459540207049683), new StopRule(steps, 1e-12),
                Engine.AUTO, precision);
    }

    @Test
    void aWarmUpRunConvergesOnlyOnAMinimumTheTargetStepHolds() {
        ScheduleSpec warmup = new ScheduleSpec.Warmup(100, 0.0);
        RunReport decimal = RunService.run(spec(warmup, 3000, new Precision(40)));
        assertThat(decimal.result().outcome()).isEqualTo(Outcome.CONVERGED);
        assertThat(decimal.result().endStep()).isEqualTo(218);
        double edge = decimal.run().method().nominalEdge();
        assertThat(decimal.result().last().sharpness()).isLessThan(edge).isCloseTo(2.031, org.assertj.core.data.Offset
                .offset(1e-3));
        RunReport twice = RunService.run(spec(warmup, 3000, Precision.DOUBLE));
        assertThat(twice.result().outcome()).isEqualTo(Outcome.MAX_STEPS);
        assertThat(twice.result().last().residual()).isZero();
        assertThat(twice.result().last().sharpness()).isGreaterThan(edge);
        // the constant step converges at once (it starts above the edge and is thrown to a flat minimum)
        RunReport constant = RunService.run(spec(ScheduleSpec.CONSTANT, 3000, Precision.DOUBLE));
        assertThat(constant.result().outcome()).isEqualTo(Outcome.CONVERGED);
        assertThat(constant.result().last().sharpness()).isLessThan(2.0001);
    }

    @Test
    void aWarmUpRunThatMeetsTheToleranceEarlyStillRunsItsWarmUp() {
        // a small target step: the minimum reached during the warm-up is held by it; convergence is reported at K
        RunSpec s = new RunSpec(ModelSpec.Shallow.ofPhi(1.0), new StartSpec.Canonical(0.9, 1.9),
                MethodSpec.of("heavy-ball", 0.5, new ScheduleSpec.Warmup(400, 0.1)), new EtaSpec.Relative(0.5),
                new StopRule(5000, 1e-12), Engine.AUTO, Precision.DOUBLE);
        RunReport r = RunService.run(s);
        assertThat(r.result().outcome()).isEqualTo(Outcome.CONVERGED);
        assertThat(r.result().endStep()).isEqualTo(400);
        RunReport vector = RunService.run(new RunSpec(s.model(), s.start(), s.method(), s.eta(), s.stop(), Engine.VECTOR,
                Precision.DOUBLE));
        assertThat(vector.result().endStep()).isEqualTo(400);
    }
}
