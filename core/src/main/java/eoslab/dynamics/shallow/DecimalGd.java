package eoslab.dynamics.shallow;

import eoslab.method.GradientDescent;
import eoslab.method.Method;
import eoslab.model.shallow.ShallowModel;
import eoslab.model.shallow.VectorPoint;
import java.math.BigDecimal;

/**
 * The reduced GD recursion of docs/model.md §3 in decimal arithmetic with N significant digits (BigDecimal with a
 * {@link java.math.MathContext}): p⁺ = (1 − ηε)p, q⁺ = (1 + ηε)q, ε = (p² − q²)/4 − Φ, from the start described in
 * {@link DecimalEngine} (whose step η is the {@link DecimalStart}'s). Used to certify double-precision results: with
 * enough digits, rounding cannot change the outcome except within ~10^−N of a threshold.
 */
public final class DecimalGd extends DecimalEngine {
    private final BigDecimal etaDecimal;

    private DecimalGd(ShallowModel model, Method method, VectorPoint initial, DecimalStart exact, int digits) {
        super(model, method, initial, exact, digits);
        constantGdStep(method);
        this.etaDecimal = exact.eta();
    }

    /**
     * GD with a constant step from the exact decimal start, target and step {@code exact}, in N-digit decimal
     * arithmetic; the double model, method and vectors give the double view of the state and the directions of a + b
     * and a − b.
     *
     * @param digits significant digits N (≥ 1)
     */
    public static DecimalGd from(ShallowModel model, Method method, VectorPoint initial, DecimalStart exact,
                                 int digits) {
        return new DecimalGd(model, method, initial, exact, digits);
    }

    /** GD with a constant step on the given model from the given vectors, in N-digit decimal arithmetic on their exact values. */
    public static DecimalGd from(ShallowModel model, Method method, VectorPoint initial, int digits) {
        return from(model, method, initial, DecimalStart.ofDoubles(model.phi(), constantGdStep(method), initial),
                digits);
    }

    /** Gradient descent with constant step η on target Φ, in N-digit decimal arithmetic. */
    public static DecimalGd from(double phi, double eta, VectorPoint initial, int digits) {
        return from(ShallowModel.of(phi, initial.width()), GradientDescent.constant(eta), initial, digits);
    }

    @Override
    public boolean step() {
        BigDecimal h = etaDecimal.multiply(eps, mc);
        BigDecimal np = BigDecimal.ONE.subtract(h, mc).multiply(p, mc);
        BigDecimal nq = BigDecimal.ONE.add(h, mc).multiply(q, mc);
        if (beyondBound(np, nq)) {
            return false;
        }
        p = np;
        q = nq;
        eps = residualOf(np, nq);
        return true;
    }
}
