package eoslab.dynamics.shallow;

import ch.obermuhlner.math.big.BigDecimalMath;
import eoslab.method.Method;
import eoslab.model.shallow.ShallowModel;
import eoslab.model.shallow.VectorPoint;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * What the decimal engines share: the signed reduced coordinates p, q of docs/model.md §3 in BigDecimal with N
 * significant digits, starting from p = √U, q = √V of a {@link DecimalStart} (the decimal start, target and step the
 * user gave, or the exact values of double inputs), rounded once by big-math's square root, and the {@link eoslab.model.shallow.ShallowState} values as the decimal state rounded to
 * double. Divergence is the bound of the double engines.
 */
abstract class DecimalEngine extends ShallowEngine {
    static final BigDecimal QUARTER = new BigDecimal("0.25");
    static final BigDecimal HALF = new BigDecimal("0.5");
    static final BigDecimal LIMIT = new BigDecimal(DIVERGENCE_NORM);

    final MathContext mc;
    final BigDecimal phiDecimal;
    private final VectorPoint initial;
    final BigDecimal p0;
    final BigDecimal q0;
    BigDecimal p;
    BigDecimal q;
    BigDecimal eps;

    DecimalEngine(ShallowModel model, Method method, VectorPoint initial, DecimalStart exact, int digits) {
        super(model, method, initial);
        if (digits < 1) {
            throw new IllegalArgumentException("digits must be positive, got " + digits);
        }
        this.mc = new MathContext(digits, RoundingMode.HALF_EVEN);
        this.phiDecimal = exact.phi();
        this.initial = initial;
        this.p0 = BigDecimalMath.sqrt(exact.u(), mc);
        this.q0 = BigDecimalMath.sqrt(exact.v(), mc);
        this.p = p0;
        this.q = q0;
        this.eps = residualOf(p, q);
    }

    /** ε = (p² − q²)/4 − Φ. */
    final BigDecimal residualOf(BigDecimal pp, BigDecimal qq) {
        return QUARTER.multiply(pp.multiply(pp, mc).subtract(qq.multiply(qq, mc), mc), mc).subtract(phiDecimal, mc);
    }

    /** True when λ = (p² + q²)/2 exceeds the divergence bound. */
    final boolean beyondBound(BigDecimal pp, BigDecimal qq) {
        return HALF.multiply(pp.multiply(pp, mc).add(qq.multiply(qq, mc), mc), mc).compareTo(LIMIT) > 0;
    }

    /** The current residual ε, unrounded. */
    public final BigDecimal exactResidual() {
        return eps;
    }

    @Override
    public final VectorPoint point() {
        return initial.scaleSumAndDifference(p0.signum() == 0 ? 0 : p.divide(p0, mc).doubleValue(),
                q0.signum() == 0 ? 0 : q.divide(q0, mc).doubleValue());
    }

    @Override
    public final double product() {
        return QUARTER.multiply(p.multiply(p, mc).subtract(q.multiply(q, mc), mc), mc).doubleValue();
    }

    @Override
    public final double norm() {
        return HALF.multiply(p.multiply(p, mc).add(q.multiply(q, mc), mc), mc).doubleValue();
    }

    @Override
    public final double imbalance() {
        return p.multiply(q, mc).abs().doubleValue();
    }

    @Override
    public final double residual() {
        return eps.doubleValue();
    }
}
