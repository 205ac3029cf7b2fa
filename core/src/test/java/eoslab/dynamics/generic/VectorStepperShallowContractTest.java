package eoslab.dynamics.generic;

import eoslab.dynamics.ShallowProblems;
import eoslab.dynamics.Stepper;
import eoslab.dynamics.StepperContractTest;
import eoslab.method.Method;
import eoslab.model.Model;
import java.util.List;

/** The generic engine ({@link VectorStepper}: any method on any model) on the shallow model meets the contract. */
class VectorStepperShallowContractTest extends StepperContractTest {
    @Override
    protected Stepper<?> stepper(Model model, Method method, double[] theta0) {
        return new VectorStepper(model, method, theta0);
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
}
