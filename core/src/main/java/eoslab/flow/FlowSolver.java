package eoslab.flow;

import eoslab.model.shallow.VectorPoint;

/** A way to solve gradient flow from a point: the closed form, or numerical integration. */
public interface FlowSolver {
    /** "exact" or "ode". */
    String method();

    /**
     * Solves the flow on target Φ from the given point (not modified).
     *
     * @throws IllegalArgumentException if the spec cannot be honoured
     */
    FlowSolution solve(double phi, VectorPoint initial, FlowSpec spec);

    /** The closed form of docs/model.md §5. */
    static FlowSolver exact() {
        return new ExactFlowSolver();
    }

    /** Hipparchus' Dormand–Prince 8(5,3) on the 2d-dimensional ODE with the given tolerances. */
    static FlowSolver ode(double relTol, double absTol) {
        return new OdeFlowSolver(relTol, absTol);
    }
}
