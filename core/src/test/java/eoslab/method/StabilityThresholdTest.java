package eoslab.method;

import eoslab.EoslabTest;
import eoslab.dynamics.Outcome;
import eoslab.dynamics.RunResult;
import eoslab.dynamics.Runner;
import eoslab.dynamics.StopRule;
import eoslab.dynamics.generic.VectorStepper;
import eoslab.dynamics.shallow.Engines;
import eoslab.dynamics.Engine;
import eoslab.dynamics.Precision;
import eoslab.model.State;
import eoslab.model.shallow.ReducedPoint;
import eoslab.model.shallow.ShallowModel;
import eoslab.model.shallow.ShallowState;
import eoslab.model.shallow.VectorPoint;
import eoslab.sharpness.SpectralModel;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The linear stability thresholds of docs/models.md §2: a minimum of sharpness λ is linearly stable under heavy ball iff
 * ηλ &lt; 2(1 + β) and under Nesterov iff ηλ(1 + 2β) &lt; 2(1 + β). Starting next to a minimum, runs at 0.98× the
 * threshold converge and runs at 1.02× do not, for several β: on quadratics of known spectrum (the generic vector
 * engine, every direction linear), and on the shallow model next to its flattest minimum (the balanced one, λ = 2|Φ|:
 * no flatter minimum exists to escape to), with the exact reduced engine and the vectors.
 */
class StabilityThresholdTest extends EoslabTest {

    private static Method method(String name, double beta, double eta) {
        Schedule s = new Schedule.Constant(eta);
        return switch (name) {
            case "heavy-ball" -> new HeavyBall(beta, s);
            case "nesterov" -> new Nesterov(beta, s);
            default -> new GradientDescent(s);
        };
    }

    /** The step at which a minimum of sharpness λ loses linear stability, from the closed forms of §2. */
    private static double threshold(String name, double beta, double lambda) {
        return switch (name) {
            case "heavy-ball" -> 2 * (1 + beta) / lambda;
            case "nesterov" -> 2 * (1 + beta) / ((1 + 2 * beta) * lambda);
            default -> 2 / lambda;
        };
    }

    @ParameterizedTest(name = "{0} β = {1}")
    @CsvSource({"gd, 0", "heavy-ball, 0", "heavy-ball, 0.3", "heavy-ball, 0.6", "heavy-ball, 0.9", "nesterov, 0",
        "nesterov, 0.3", "nesterov, 0.6", "nesterov, 0.9"})
    void quadraticConvergesBelowAndFailsAboveTheThreshold(String name, double beta) {
        double[] spectrum = {3.0, 1.7, 0.9, 0.2, 0.05};
        SpectralModel model = SpectralModel.quadratic(spectrum, 3, 11);
        double eta = threshold(name, beta, 3.0);
        assertThat(method(name, beta, eta).stabilityEdge(0L)).isCloseTo(3.0, org.assertj.core.data.Offset.offset(1e-12));
        double[] theta0 = new double[spectrum.length];
        Random rng = new Random(5);
        for (int i = 0; i < theta0.length; i++) {
            theta0[i] = 1e-3 * rng.nextGaussian();
        }
        double loss0 = model.loss(theta0);
        RunResult<State> below = Runner.run(new VectorStepper(model.copy(), method(name, beta, 0.98 * eta), theta0),
                new StopRule(200_000, 1e-9), List.of());
        assertThat(below.outcome()).isEqualTo(Outcome.CONVERGED);
        RunResult<State> above = Runner.run(new VectorStepper(model.copy(), method(name, beta, 1.02 * eta), theta0),
                new StopRule(20_000, 1e-9), List.of());
        assertThat(above.outcome()).isNotEqualTo(Outcome.CONVERGED);
        assertThat(above.last().loss()).as("grows away from the minimum").isGreaterThan(1e6 * loss0);
    }

    @ParameterizedTest(name = "{0} β = {1}, Φ = {2}")
    @CsvSource({"gd, 0, 1", "heavy-ball, 0.2, 1", "heavy-ball, 0.5, -2", "heavy-ball, 0.8, 0.5", "nesterov, 0.2, 1",
        "nesterov, 0.5, -2", "nesterov, 0.8, 0.5"})
    void shallowModelNextToItsFlattestMinimum(String name, double beta, double phi) {
        // the balanced minimum a = ±b with aᵀb = Φ has λ = 2|Φ|; start 1e-4 (relative) away from it along the balanced set
        double m0 = phi * (1 + 1e-4);
        ReducedPoint r = ReducedPoint.canonical(m0, 2 * Math.abs(m0));
        VectorPoint start = r.toVectors();
        double eta = threshold(name, beta, 2 * Math.abs(phi));
        for (Engine engine : new Engine[] {Engine.REDUCED, Engine.VECTOR}) {
            RunResult<ShallowState> below = Runner.run(Engines.stepper(ShallowModel.of(phi, 1),
                    method(name, beta, 0.98 * eta), start, engine, Precision.DOUBLE), new StopRule(100_000, 1e-12),
                    List.of());
            assertThat(below.outcome()).as("%s at 0.98×", engine).isEqualTo(Outcome.CONVERGED);
            assertThat(below.last().norm()).isCloseTo(2 * Math.abs(phi), org.assertj.core.data.Offset.offset(1e-9));
            RunResult<ShallowState> above = Runner.run(Engines.stepper(ShallowModel.of(phi, 1),
                    method(name, beta, 1.02 * eta), start, engine, Precision.DOUBLE), new StopRule(100_000, 1e-12),
                    List.of());
            assertThat(above.outcome()).as("%s at 1.02×", engine).isNotEqualTo(Outcome.CONVERGED);
            assertThat(above.maxLoss()).as("leaves the minimum").isGreaterThan(1e-4 * phi * phi);
        }
    }

    @ParameterizedTest(name = "{0} β = {1}")
    @CsvSource({"heavy-ball, 0.3", "heavy-ball, 0.7", "nesterov, 0.3", "nesterov, 0.7"})
    void shallowModelLeavesAnUnbalancedMinimumAboveTheThreshold(String name, double beta) {
        // a minimum with λ = 5 (Q = √21 at Φ = 1): near it the dynamics are linear, repelling above the threshold
        double phi = 1.0;
        double lambda = 5.0;
        double eta = threshold(name, beta, lambda);
        ReducedPoint r = ReducedPoint.canonical(phi * (1 + 1e-6), lambda);
        VectorPoint start = r.toVectors();
        ShallowModel model = ShallowModel.of(phi, 1);
        RunResult<ShallowState> below = Runner.run(Engines.stepper(model, method(name, beta, 0.98 * eta), start,
                Engine.REDUCED, Precision.DOUBLE), new StopRule(100_000, 1e-12), List.of());
        assertThat(below.outcome()).isEqualTo(Outcome.CONVERGED);
        assertThat(below.last().norm()).as("stays at that minimum").isCloseTo(lambda,
                org.assertj.core.data.Offset.offset(1e-4));
        RunResult<ShallowState> above = Runner.run(Engines.stepper(model, method(name, beta, 1.02 * eta), start,
                Engine.REDUCED, Precision.DOUBLE), new StopRule(100_000, 1e-12), List.of());
        assertThat(above.maxLoss()).as("the residual grows by orders of magnitude")
                .isGreaterThan(1e6 * 0.5 * 1e-12);
        assertThat(above.last().norm()).as("does not end at that minimum").isLessThan(lambda - 0.1);
    }
}
