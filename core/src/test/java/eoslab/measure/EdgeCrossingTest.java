package eoslab.measure;

import eoslab.EoslabTest;
import eoslab.dynamics.Runner;
import eoslab.dynamics.StopRule;
import eoslab.dynamics.shallow.ReducedGd;
import eoslab.method.GradientDescent;
import eoslab.model.shallow.Landmarks;
import eoslab.model.shallow.VectorPoint;
import eoslab.spec.StartSpec;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link EdgeCrossing}: the first step, from 0, at which the sharpness exceeds 2/η, against a replay. */
class EdgeCrossingTest extends EoslabTest {

    /** The first k ≤ n with S_k > 2/η along the map, by a direct replay. */
    private static OptionalLong firstAboveEdge(double phi, double eta, VectorPoint start, long n) {
        ReducedGd gd = ReducedGd.from(phi, eta, start);
        for (long k = 0; k <= n; k++) {
            if (gd.sharpness() > 2 / eta) {
                return OptionalLong.of(k);
            }
            gd.step();
        }
        return OptionalLong.empty();
    }

    @ParameterizedTest(name = "m0={0} lambda0={1} c={2}: first step {3}")
    @CsvSource({
        "0.1, 5, 1.3, 0",        // starts above its edge (catapult)
        "0.0, 3, 1.05, later",   // starts below its edge, sharpens past 2/η on the way to λ_GF, then comes back
        "0.1, 5, 0.5, none",     // stable: never above
    })
    void firstStepAboveTheEdge(double m0, double lambda0, double c, String expected) {
        VectorPoint start = new StartSpec.Canonical(m0, lambda0).point();
        double eta = Landmarks.of(1.0, start).absoluteEta(c);
        EdgeCrossing edge = new EdgeCrossing(GradientDescent.constant(eta));
        var r = Runner.run(ReducedGd.from(1.0, eta, start), new StopRule(100_000, 1e-12), List.of(edge));
        assertThat(r.converged()).isTrue();
        OptionalLong reference = firstAboveEdge(1.0, eta, start, r.steps());
        assertThat(edge.firstStep()).isEqualTo(reference);
        switch (expected) {
            case "0" -> assertThat(reference).hasValue(0);
            case "none" -> assertThat(reference).isEmpty();
            default -> assertThat(reference.orElseThrow()).isPositive();
        }
    }
}
