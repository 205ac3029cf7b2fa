package eoslab.dynamics.shallow;

import eoslab.method.Method;
import eoslab.method.Nesterov;
import eoslab.model.shallow.ShallowModel;
import eoslab.model.shallow.VectorPoint;
import java.math.BigDecimal;

/**
 * The reduced recursion of heavy ball and Nesterov (docs/models.md §2) in N-digit decimal arithmetic, with any
 * step-size schedule (gradient descent with a varying step runs here as heavy ball with β = 0): the same
 * operations as {@link ReducedMomentum}, each rounded to N digits, from the start described in {@link DecimalEngine}
 * (p⁻ = p, q⁻ = q). β and each η_k of a varying schedule are converted from their doubles exactly.
 */
public final class DecimalMomentum extends DecimalEngine {
    private final boolean nesterov;
    private final BigDecimal beta;
    private final BigDecimal constantEta;
    private BigDecimal pm;
    private BigDecimal qm;
    private long k;

    private DecimalMomentum(ShallowModel model, Method method, VectorPoint initial, DecimalStart exact, int digits) {
        super(model, method, initial, exact, digits);
        this.nesterov = method instanceof Nesterov;
        this.beta = new BigDecimal(method.beta());
        this.constantEta = method.schedule().isConstant() ? exact.eta() : null;
        this.pm = p;
        this.qm = q;
    }

    /**
     * The method on the given model from the given vectors, in N-digit decimal arithmetic.
     *
     * @param digits significant digits N (≥ 1)
     */
    public static DecimalMomentum from(ShallowModel model, Method method, VectorPoint initial, int digits) {
        return from(model, method, initial, DecimalStart.ofDoubles(model.phi(), method.schedule().nominal(), initial),
                digits);
    }

    /**
     * The method from the exact decimal start, target and nominal step {@code exact} (a constant schedule steps with
     * that decimal η; a varying one with each η_k's double), in N-digit decimal arithmetic.
     *
     * @param digits significant digits N (≥ 1)
     */
    public static DecimalMomentum from(ShallowModel model, Method method, VectorPoint initial, DecimalStart exact,
                                       int digits) {
        return new DecimalMomentum(model, method, initial, exact, digits);
    }

    @Override
    public boolean step() {
        BigDecimal eta = constantEta != null ? constantEta : new BigDecimal(method.eta(k));
        BigDecimal np;
        BigDecimal nq;
        if (nesterov) {
            BigDecimal py = p.add(beta.multiply(p.subtract(pm, mc), mc), mc);
            BigDecimal qy = q.add(beta.multiply(q.subtract(qm, mc), mc), mc);
            BigDecimal h = eta.multiply(residualOf(py, qy), mc);
            np = BigDecimal.ONE.subtract(h, mc).multiply(py, mc);
            nq = BigDecimal.ONE.add(h, mc).multiply(qy, mc);
        } else {
            BigDecimal h = eta.multiply(eps, mc);
            np = BigDecimal.ONE.subtract(h, mc).multiply(p, mc).add(beta.multiply(p.subtract(pm, mc), mc), mc);
            nq = BigDecimal.ONE.add(h, mc).multiply(q, mc).add(beta.multiply(q.subtract(qm, mc), mc), mc);
        }
        if (beyondBound(np, nq)) {
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
}
