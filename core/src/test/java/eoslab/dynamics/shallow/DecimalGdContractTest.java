package eoslab.dynamics.shallow;

import eoslab.dynamics.Engine;
import eoslab.dynamics.Precision;
import eoslab.dynamics.ShallowProblems;
import eoslab.dynamics.Stepper;
import eoslab.dynamics.StepperContractTest;
import eoslab.method.Method;
import eoslab.model.Model;
import eoslab.model.shallow.ShallowModel;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reduced recursion in 40-digit decimal arithmetic ({@link DecimalGd}, as built by {@link Engines#stepper}) meets
 * the stepper contract. Its tolerance is the double engines' 1e-10: the references it is compared with are computed
 * in double precision, so their own rounding, amplified by the dynamics, dominates the difference (the decimal
 * iterates carry 10⁻⁴⁰); a tighter bound would test the reference, not the engine.
 */
class DecimalGdContractTest extends StepperContractTest {
    private static final int DIGITS = 40;

    @Override
    protected Stepper<?> stepper(Model model, Method method, double[] theta0) {
        ShallowModel m = (ShallowModel) model;
        return Engines.stepper(m, method, m.point(theta0), Engine.REDUCED, new Precision(DIGITS));
    }

    @Override
    protected double tolerance() {
        return 1e-10;
    }

    @Override
    protected List<Problem> problems() {
        return ShallowProblems.bounded(rng);
    }

    @Override
    protected List<Problem> divergingProblems() {
        return ShallowProblems.diverging(rng);
    }

    @Override
    protected String allocationExemption() {
        return "every BigDecimal operation allocates its result";
    }

    @Test
    void theFactoryBuildsTheDecimalRecursion() {
        Problem p = problems().get(0);
        assertThat(stepper(p.model(), p.method(), p.theta0())).isInstanceOf(DecimalGd.class);
    }
}
