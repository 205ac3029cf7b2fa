package eoslab.dynamics.shallow;

import eoslab.method.Method;
import eoslab.method.Nesterov;
import eoslab.method.Schedule;
import eoslab.model.shallow.ReducedPoint;
import eoslab.model.shallow.ShallowModel;
import eoslab.model.shallow.VectorPoint;

/**
 * Exact width-independent heavy ball and Nesterov (docs/models.md §2), with any step-size schedule: s = a + b and
 * r = a − b stay on the lines of their initial directions (θ₋₁ = θ₀), so each method is the 4-variable map of the
 * signed lengths p, q and their previous values p⁻, q⁻ (ε = (p² − q²)/4 − Φ, h = η_k·ε):
 * <pre>
 *   heavy ball:  p⁺ = (1 − h)·p + β·(p − p⁻),        q⁺ = (1 + h)·q + β·(q − q⁻)
 *   Nesterov:    p_y = p + β·(p − p⁻),  q_y = q + β·(q − q⁻),  h = η_k·ε(p_y, q_y),
 *                p⁺ = (1 − h)·p_y,                  q⁺ = (1 + h)·q_y
 * </pre>
 * Gradient descent with a varying step runs here as heavy ball with β = 0, whose update (1 − h)·p + 0 is exactly
 * GD's (1 − h)·p. The vectors are recovered from the fixed directions of the initial point. Allocates nothing per
 * step.
 */
public final class ReducedMomentum extends ReducedEngine {
    private final Schedule schedule;
    private final boolean constant;
    private final double eta;
    private final double beta;
    private final boolean nesterov;
    private double pm;
    private double qm;
    private long k;

    private ReducedMomentum(ShallowModel model, Method method, VectorPoint initial, ReducedPoint start) {
        super(model, method, initial, start);
        this.schedule = method.schedule();
        this.constant = schedule.isConstant();
        this.eta = schedule.nominal();
        this.beta = method.beta();
        this.nesterov = method instanceof Nesterov;
        this.pm = p0;
        this.qm = q0;
    }

    /** The method on the given model from the given vectors (not modified). */
    public static ReducedMomentum from(ShallowModel model, Method method, VectorPoint initial) {
        return new ReducedMomentum(model, method, initial, initial.toReduced());
    }

    @Override
    public boolean step() {
        double e = constant ? eta : schedule.eta(k);
        double np;
        double nq;
        if (nesterov) {
            double py = p + beta * (p - pm);
            double qy = q + beta * (q - qm);
            double h = e * residualOf(py, qy);
            np = (1.0 - h) * py;
            nq = (1.0 + h) * qy;
        } else {
            double h = e * eps;
            np = (1.0 - h) * p + beta * (p - pm);
            nq = (1.0 + h) * q + beta * (q - qm);
        }
        double nNorm = 0.5 * (np * np + nq * nq);
        if (!(nNorm <= DIVERGENCE_NORM)) {
            return false;
        }
        pm = p;
        qm = q;
        p = np;
        q = nq;
        eps = residualOf(np, nq);
        k++;
        return true;
    }

    /** The signed reduced coordinates of the previous point (the start itself before the first step). */
    public ReducedPoint previous() {
        return new ReducedPoint(pm, qm);
    }
}
