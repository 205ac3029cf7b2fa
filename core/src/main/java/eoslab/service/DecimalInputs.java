package eoslab.service;

import ch.obermuhlner.math.big.BigDecimalMath;
import eoslab.dynamics.shallow.DecimalStart;
import eoslab.model.shallow.VectorPoint;
import eoslab.spec.EtaSpec;
import eoslab.spec.ModelSpec;
import eoslab.spec.StartSpec;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The exact decimal inputs of a decimal-arithmetic run, from the specification as the user typed it: every number the
 * user gave (Φ, m₀, λ₀, the vectors, η, c) is taken as the decimal {@link BigDecimal#valueOf(double)} of its parsed
 * double, which is the shortest decimal that parses to that double, i.e. the text the user typed (0.1 stays 0.1, not
 * 0.1000000000000000055…). What has no typed text (Gaussian draws, Φ and σ² of a data set) enters with its exact
 * binary value. Derived quantities are computed in decimal: U = λ₀ + 2m₀ and V = λ₀ − 2m₀ for a canonical start,
 * U = Σ(aᵢ + bᵢ)², V = Σ(aᵢ − bᵢ)² for vectors, η = c·2/√(4Φ² + UV) for {@code --eta-rel} and η = c·η* for
 * {@code --eta-crit} (models.md §1.1), with 10 guard digits.
 */
final class DecimalInputs {
    private static final int GUARD_DIGITS = 10;
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal FOUR = BigDecimal.valueOf(4);
    private static final BigDecimal EIGHT = BigDecimal.valueOf(8);

    private DecimalInputs() {
    }

    /** The decimal inputs of a resolved run, for arithmetic with the given number of digits. */
    static DecimalStart of(ResolvedRun run, int digits) {
        MathContext mc = new MathContext(digits + GUARD_DIGITS, RoundingMode.HALF_EVEN);
        ModelSpec.Shallow model = (ModelSpec.Shallow) run.spec().model();
        BigDecimal phi = model.data() == null ? BigDecimal.valueOf(model.phi()) : new BigDecimal(run.phi());
        BigDecimal[] uv = sumAndDifference(run.spec().start(), run.start());
        BigDecimal u = uv[0];
        BigDecimal v = uv[1];
        EtaSpec given = run.spec().eta();
        BigDecimal eta;
        if (given instanceof EtaSpec.Relative r) {
            BigDecimal gf = BigDecimalMath.sqrt(FOUR.multiply(phi.multiply(phi)).add(u.multiply(v)), mc);
            eta = BigDecimal.valueOf(r.value()).multiply(TWO).divide(gf, mc);
        } else if (given instanceof EtaSpec.Critical c) {
            eta = BigDecimal.valueOf(c.value()).multiply(criticalEta(phi, u, v, mc), mc);
        } else if (run.data() != null) {
            eta = BigDecimal.valueOf(given.value()).multiply(new BigDecimal(run.data().sigma2()), mc);
        } else {
            eta = BigDecimal.valueOf(given.value());
        }
        return new DecimalStart(phi, eta, u, v);
    }

    /** {U, V} of a start: from its typed decimals where it has them. */
    private static BigDecimal[] sumAndDifference(StartSpec start, VectorPoint point) {
        if (start instanceof StartSpec.Canonical c) {
            BigDecimal m = BigDecimal.valueOf(c.m0());
            BigDecimal l = BigDecimal.valueOf(c.lambda0());
            return new BigDecimal[] {l.add(m.multiply(TWO)), l.subtract(m.multiply(TWO))};
        }
        boolean typed = start instanceof StartSpec.Explicit;
        BigDecimal u = BigDecimal.ZERO;
        BigDecimal v = BigDecimal.ZERO;
        for (int i = 0; i < point.width(); i++) {
            BigDecimal a = typed ? BigDecimal.valueOf(point.a(i)) : new BigDecimal(point.a(i));
            BigDecimal b = typed ? BigDecimal.valueOf(point.b(i)) : new BigDecimal(point.b(i));
            BigDecimal s = a.add(b);
            BigDecimal r = a.subtract(b);
            u = u.add(s.multiply(s));
            v = v.add(r.multiply(r));
        }
        return new BigDecimal[] {u, v};
    }

    /**
     * η* = min{1/|Φ|, 8/(λ₀ + √(Q₀² + 4(m₀ − 2Φ)²))} with λ₀ = (U + V)/2, m₀ = (U − V)/4, Q₀² = UV (4/λ₀ at Φ = 0).
     *
     * @throws IllegalArgumentException when η* = ∞ (Φ = 0 and U = V = 0)
     */
    private static BigDecimal criticalEta(BigDecimal phi, BigDecimal u, BigDecimal v, MathContext mc) {
        BigDecimal lambda = u.add(v).divide(TWO, mc);
        BigDecimal m = u.subtract(v).divide(FOUR, mc);
        BigDecimal d = m.subtract(phi.multiply(TWO));
        BigDecimal root = BigDecimalMath.sqrt(u.multiply(v).add(FOUR.multiply(d.multiply(d))), mc);
        BigDecimal denominator = lambda.add(root);
        if (denominator.signum() == 0) {
            throw new IllegalArgumentException("--eta-crit is undefined here: η* = ∞ (Φ = 0 and a = b = 0)");
        }
        BigDecimal norm = EIGHT.divide(denominator, mc);
        if (phi.signum() == 0) {
            return norm;
        }
        BigDecimal beyond = BigDecimal.ONE.divide(phi.abs(), mc);
        return beyond.min(norm);
    }
}
