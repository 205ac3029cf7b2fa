package eoslab.dynamics.shallow;

import ch.obermuhlner.math.big.BigDecimalMath;
import eoslab.dynamics.Stepper;
import eoslab.method.GradientDescent;
import eoslab.model.shallow.ShallowModel;
import eoslab.model.shallow.ShallowState;
import eoslab.model.shallow.VectorPoint;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The reduced GD recursion of docs/model.md §3 in decimal arithmetic with N significant digits (BigDecimal with a
 * {@link MathContext}): p⁺ = (1 − ηε)p, q⁺ = (1 + ηε)q, ε = (p² − q²)/4 − Φ, starting from p = √U, q = √V of a
 * {@link DecimalStart} (the decimal start, target and step the user gave, or the exact values of double inputs),
 * rounded once by big-math's square root. Used to certify
 * double-precision results: with enough digits, rounding cannot change the outcome except within ~10^−N of a
 * threshold. Divergence is the same bound as the double engines ({@link eoslab.dynamics.Stepper#DIVERGENCE_NORM}).
 * The {@link ShallowState} values are the decimal state rounded to double.
 */
public final class DecimalGd extends ShallowEngine {
    private static final BigDecimal QUARTER = new BigDecimal("0.25");
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal LIMIT = new BigDecimal(DIVERGENCE_NORM);

    private final MathContext mc;
    private final BigDecimal phiDecimal;
    private final BigDecimal etaDecimal;
    private final VectorPoint initial;
    private final BigDecimal p0;
    private final BigDecimal q0;
    private BigDecimal p;
    private BigDecimal q;
    private BigDecimal eps;

    private DecimalGd(ShallowModel model, GradientDescent method, VectorPoint initial, DecimalStart exact,
                      int digits) {
        super(model, method, initial);
        this.mc = new MathContext(digits, RoundingMode.HALF_EVEN);
        this.phiDecimal = exact.phi();
        this.etaDecimal = exact.eta();
        this.initial = initial;
        this.p0 = BigDecimalMath.sqrt(exact.u(), mc);
        this.q0 = BigDecimalMath.sqrt(exact.v(), mc);
        this.p = p0;
        this.q = q0;
        this.eps = residualOf(p, q);
    }

    /**
     * GD from the exact decimal start, target and step {@code exact}, in N-digit decimal arithmetic; the double model,
     * method and vectors give the double view of the state and the directions of a + b and a − b.
     *
     * @param digits significant digits N (≥ 1)
     */
    public static DecimalGd from(ShallowModel model, GradientDescent method, VectorPoint initial, DecimalStart exact,
                                 int digits) {
        if (digits < 1) {
            throw new IllegalArgumentException("digits must be positive, got " + digits);
        }
        return new DecimalGd(model, method, initial, exact, digits);
    }

    /** GD with step η on target Φ from the given vectors, in N-digit decimal arithmetic on their exact values. */
    public static DecimalGd from(ShallowModel model, GradientDescent method, VectorPoint initial, int digits) {
        return from(model, method, initial,
                DecimalStart.ofDoubles(model.phi(), method.schedule().peak(), initial), digits);
    }

    /** Gradient descent with constant step η on target Φ, in N-digit decimal arithmetic. */
    public static DecimalGd from(double phi, double eta, VectorPoint initial, int digits) {
        return from(ShallowModel.of(phi, initial.width()), GradientDescent.constant(eta), initial, digits);
    }

    private BigDecimal residualOf(BigDecimal pp, BigDecimal qq) {
        return QUARTER.multiply(pp.multiply(pp, mc).subtract(qq.multiply(qq, mc), mc), mc).subtract(phiDecimal, mc);
    }

    @Override
    public boolean step() {
        BigDecimal h = etaDecimal.multiply(eps, mc);
        BigDecimal np = BigDecimal.ONE.subtract(h, mc).multiply(p, mc);
        BigDecimal nq = BigDecimal.ONE.add(h, mc).multiply(q, mc);
        BigDecimal norm = HALF.multiply(np.multiply(np, mc).add(nq.multiply(nq, mc), mc), mc);
        if (norm.compareTo(LIMIT) > 0) {
            return false;
        }
        p = np;
        q = nq;
        eps = residualOf(np, nq);
        return true;
    }

    /** The current residual ε, unrounded. */
    public BigDecimal exactResidual() {
        return eps;
    }

    @Override
    public VectorPoint point() {
        return initial.scaleSumAndDifference(p0.signum() == 0 ? 0 : p.divide(p0, mc).doubleValue(),
                q0.signum() == 0 ? 0 : q.divide(q0, mc).doubleValue());
    }

    @Override
    public double product() {
        return QUARTER.multiply(p.multiply(p, mc).subtract(q.multiply(q, mc), mc), mc).doubleValue();
    }

    @Override
    public double norm() {
        return HALF.multiply(p.multiply(p, mc).add(q.multiply(q, mc), mc), mc).doubleValue();
    }

    @Override
    public double imbalance() {
        return p.multiply(q, mc).abs().doubleValue();
    }

    @Override
    public double residual() {
        return eps.doubleValue();
    }
}
