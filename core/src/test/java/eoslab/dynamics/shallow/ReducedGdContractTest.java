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

/** The exact reduced map ({@link ReducedGd}, as built by {@link Engines#stepper}) meets the stepper contract. */
class ReducedGdContractTest extends StepperContractTest {
    @Override
    protected Stepper<?> stepper(Model model, Method method, double[] theta0) {
        ShallowModel m = (ShallowModel) model;
        return Engines.stepper(m, method, m.point(theta0), Engine.REDUCED, Precision.DOUBLE);
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

    @Test
    void theFactoryBuildsTheReducedMapForReducedAndAuto() {
        Problem p = problems().get(0);
        ShallowModel m = (ShallowModel) p.model();
        assertThat(stepper(m, p.method(), p.theta0())).isInstanceOf(ReducedGd.class);
        assertThat(Engines.stepper(m, p.method(), m.point(p.theta0()), Engine.AUTO, Precision.DOUBLE))
                .isInstanceOf(ReducedGd.class);
    }
}
