package eoslab.dynamics.shallow;

import eoslab.EoslabTest;
import eoslab.dynamics.Engine;
import eoslab.dynamics.Outcome;
import eoslab.dynamics.Precision;
import eoslab.dynamics.RunResult;
import eoslab.dynamics.Runner;
import eoslab.dynamics.StopRule;
import eoslab.method.GradientDescent;
import eoslab.model.shallow.ShallowModel;
import eoslab.model.shallow.ShallowState;
import eoslab.model.shallow.VectorPoint;
import eoslab.spec.StartSpec;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DecimalGdTest extends EoslabTest {

    /** In the stable regime decimal and double trajectories agree to rounding level, step by step. */
    @ParameterizedTest
    @ValueSource(ints = {1, 3, 50})
    void agreesWithDoubleWhenWellConditioned(int width) {
        VectorPoint start = new StartSpec.Gaussian(width, 0.4, 0.4, 7).point();
        double eta = 0.5 * eoslab.model.shallow.Landmarks.of(1.0, start).edgeEta();
        ReducedGd d = ReducedGd.from(1.0, eta, start);
        DecimalGd x = DecimalGd.from(1.0, eta, start, 40);
        assertThat(x.norm()).isCloseTo(start.norm(), within(1e-13 * start.norm()));
        assertThat(x.product()).isCloseTo(start.product(), within(1e-13 * start.norm()));
        for (int k = 0; k < 200; k++) {
            assertThat(x.step()).isTrue();
            d.step();
            assertThat(x.norm()).isCloseTo(d.norm(), within(1e-13 * start.norm()));
            assertThat(x.residual()).isCloseTo(d.residual(), within(1e-13 * start.norm()));
        }
        RunResult<ShallowState> rd = Runner.run(ReducedGd.from(1.0, eta, start), new StopRule(10000, 1e-12), List.of());
        RunResult<ShallowState> rx = Runner.run(DecimalGd.from(1.0, eta, start, 40), new StopRule(10000, 1e-12), List.of());
        assertThat(rx.outcome()).isEqualTo(Outcome.CONVERGED);
        assertThat(Math.abs(rx.steps() - rd.steps())).isLessThanOrEqualTo(1);
    }

    /**
     * On a chaotic orbit double precision loses the trajectory within a few dozen steps, while 60 and 90 digits
     * still agree closely: the decimal recursion is converging in the number of digits.
     */
    @Test
    void convergesInDigitsWhereDoubleLosesTheOrbit() {
        VectorPoint start = new StartSpec.Canonical(0.0, 1.0).point();
        ReducedGd d = ReducedGd.from(1.0, 1.5, start);
        DecimalGd a = DecimalGd.from(1.0, 1.5, start, 60);
        DecimalGd b = DecimalGd.from(1.0, 1.5, start, 90);
        for (int k = 0; k < 150; k++) {
            d.step();
            a.step();
            b.step();
        }
        BigDecimal gap = a.exactResidual().subtract(b.exactResidual(), MathContext.DECIMAL128).abs();
        assertThat(gap.doubleValue()).isLessThan(1e-20);
        assertThat(Math.abs(d.residual() - b.residual())).isGreaterThan(1e-6);
    }

    @Test
    void divergesAtTheSameBoundAsDouble() {
        VectorPoint start = new StartSpec.Canonical(0.5, 6.0).point();
        StopRule rule = new StopRule(1000, 1e-12);
        RunResult<ShallowState> rd = Runner.run(ReducedGd.from(0.0, 1.0, start), rule, List.of());
        RunResult<ShallowState> rx = Runner.run(DecimalGd.from(0.0, 1.0, start, 30), rule, List.of());
        assertThat(rd.outcome()).isEqualTo(Outcome.DIVERGED);
        assertThat(rx.outcome()).isEqualTo(Outcome.DIVERGED);
        assertThat(rx.endStep()).isEqualTo(rd.endStep());
    }

    @Test
    void parsesPrecision() {
        assertThat(Precision.parse("double").decimal()).isFalse();
        assertThat(Precision.parse("decimal:40").digits()).isEqualTo(40);
        VectorPoint start = new StartSpec.Canonical(0, 1).point();
        assertThat(Engines.stepper(ShallowModel.of(1, 1), GradientDescent.constant(0.1), start, Engine.AUTO,
                Precision.parse("decimal:40"))).isInstanceOf(DecimalGd.class);
        assertThatThrownBy(() -> Engines.stepper(ShallowModel.of(1, 1), GradientDescent.constant(0.1), start,
                Engine.VECTOR, Precision.parse("decimal:40"))).hasMessageContaining("--engine vector");
        assertThat(Precision.parse("decimal:40").label()).isEqualTo("decimal:40");
        assertThatThrownBy(() -> Precision.parse("decimal:8")).hasMessageContaining("17 <= N <= 1000");
        assertThatThrownBy(() -> Precision.parse("decimal:0")).hasMessageContaining("17 <= N <= 1000");
        assertThatThrownBy(() -> Precision.parse("decimal:2000000000")).hasMessageContaining("got 2000000000");
        assertThatThrownBy(() -> Precision.parse("decimal:99999999999999")).hasMessageContaining("17 <= N");
        assertThatThrownBy(() -> Precision.parse("float")).hasMessageContaining("double or decimal");
    }
}
