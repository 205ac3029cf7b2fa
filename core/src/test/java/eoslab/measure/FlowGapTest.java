package eoslab.measure;

import eoslab.method.Clock;
import eoslab.method.GradientDescent;

import eoslab.EoslabTest;
import eoslab.dynamics.Runner;
import eoslab.dynamics.StopRule;
import eoslab.dynamics.shallow.ReducedGd;
import eoslab.model.shallow.ClosedFormFlow;
import eoslab.model.shallow.Landmarks;
import eoslab.model.shallow.ShallowSnapshot;
import eoslab.model.shallow.VectorPoint;
import eoslab.spec.StartSpec;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FlowGap}: the largest distance between GD's (ε, λ) at step k and {@link ClosedFormFlow}'s at t = ηk, and its
 * step, against a replay of both.
 */
class FlowGapTest extends EoslabTest {

    /** f &lt; 1: η = f·2/λ_GF (stable); f ≥ 1: a fraction f − 1 of the way from 2/λ_GF to 1/|Φ| (edge). */
    @ParameterizedTest
    @ValueSource(doubles = {0.2, 0.9, 1.2, 1.4})
    void largestDistanceAndItsStep(double f) {
        VectorPoint start = new StartSpec.Gaussian(4, 0.6, 0.9, 17).point();
        double phi = -1.5;
        Landmarks lm = Landmarks.of(phi, start);
        double eta = f < 1 ? lm.absoluteEta(f) : lm.edgeEta() + (f - 1) * (lm.beyondEta() - lm.edgeEta());
        assertThat(lm.beyondEta()).isGreaterThan(1.2 * lm.edgeEta());
        ClosedFormFlow flow = ClosedFormFlow.from(phi, start);
        FlowGap gap = new FlowGap(flow, new Clock(GradientDescent.constant(eta)));
        var r = Runner.run(ReducedGd.from(phi, eta, start), new StopRule(100_000, 1e-12), List.of(gap));
        assertThat(r.converged()).isTrue();
        ReducedGd gd = ReducedGd.from(phi, eta, start);
        double max = 0;
        long argmax = 0;
        for (long k = 0; k <= r.steps(); k++) {
            ShallowSnapshot gf = flow.at(eta * k);
            double d = Math.sqrt(Math.pow(gd.residual() - gf.residual(), 2) + Math.pow(gd.norm() - gf.norm(), 2));
            if (d > max) {
                max = d;
                argmax = k;
            }
            gd.step();
        }
        assertThat(gap.maxDistance()).isCloseTo(max, org.assertj.core.data.Offset.offset(1e-15 * (1 + max)));
        assertThat(gap.maxStep()).isEqualTo(argmax);
        assertThat(max).as("GD and GF differ").isPositive();
    }
}
