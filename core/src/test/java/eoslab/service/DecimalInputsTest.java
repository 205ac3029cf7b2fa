package eoslab.service;

import ch.obermuhlner.math.big.BigDecimalMath;
import eoslab.EoslabTest;
import eoslab.dynamics.Precision;
import eoslab.dynamics.StopRule;
import eoslab.dynamics.shallow.DecimalGd;
import eoslab.model.shallow.VectorPoint;
import eoslab.spec.EtaSpec;
import eoslab.spec.ModelSpec;
import eoslab.spec.RunSettings;
import eoslab.spec.RunSpec;
import eoslab.spec.StartSpec;
import eoslab.dynamics.Engine;
import eoslab.spec.MethodSpec;
import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** Decimal runs start from the decimals the user typed, not from their double roundings. */
class DecimalInputsTest extends EoslabTest {
    private static final MathContext MC = new MathContext(60);

    private static RunSpec spec(double phi, StartSpec start, EtaSpec eta, int digits) {
        return new RunSettings(MethodSpec.GD, new StopRule(100, 1e-12, true), Engine.AUTO, new Precision(digits))
                .run(ModelSpec.Shallow.ofPhi(phi), start, eta);
    }

    /**
     * --m0 0.1 --lambda0 0.7 --phi 1 --eta 0.3: the decimal recursion starts at ε₀ = m₀ − Φ = −0.9 exactly and takes
     * its first step with η = 0.3 exactly: ε₁ = ε₀(1 − ηλ₀ + η²ε₀m₀) = −0.9·(1 − 0.21 − 0.0081) = −0.70371, where
     * the double roundings of 0.1, 0.7 and 0.3 would be off by about 10⁻¹⁷.
     */
    @Test
    void aCanonicalStartIsTheTypedDecimal() {
        DecimalGd gd = (DecimalGd) Runs.resolve(spec(1.0, new StartSpec.Canonical(0.1, 0.7), new EtaSpec.Absolute(0.3),
                60)).stepper();
        assertThat(gd.exactResidual().subtract(new BigDecimal("-0.9")).abs().compareTo(new BigDecimal("1e-55")))
                .isNegative();
        assertThat(gd.step()).isTrue();
        assertThat(gd.exactResidual().subtract(new BigDecimal("-0.70371")).abs().compareTo(new BigDecimal("1e-55")))
                .isNegative();
        BigDecimal binary = new BigDecimal(0.1).subtract(BigDecimal.ONE);
        assertThat(binary.subtract(new BigDecimal("-0.9")).abs().compareTo(new BigDecimal("1e-18"))).isPositive();
    }

    /** Explicit vectors: U = Σ(aᵢ + bᵢ)², V = Σ(aᵢ − bᵢ)² of the typed decimals, so m₀ = 0.1·0.3 + 0.2·(−0.1) = 0.01. */
    @Test
    void explicitVectorsAreTheTypedDecimals() {
        StartSpec start = new StartSpec.Explicit(VectorPoint.of(new double[] {0.1, 0.2}, new double[] {0.3, -0.1}));
        DecimalGd gd = (DecimalGd) Runs.resolve(spec(0.7, start, new EtaSpec.Absolute(0.2), 50)).stepper();
        assertThat(gd.exactResidual().subtract(new BigDecimal("-0.69")).abs().compareTo(new BigDecimal("1e-45")))
                .isNegative();
    }

    /** --eta-rel c is c·2/√(4Φ² + UV) computed in decimal from the typed start, not the double η. */
    @Test
    void relativeStepsAreComputedInDecimal() {
        StartSpec start = new StartSpec.Canonical(0.1, 0.7);
        ResolvedRun run = Runs.resolve(spec(1.3, start, new EtaSpec.Relative(0.9), 60));
        DecimalGd gd = (DecimalGd) run.stepper();
        BigDecimal u = new BigDecimal("0.9");
        BigDecimal v = new BigDecimal("0.5");
        BigDecimal phi = new BigDecimal("1.3");
        BigDecimal gf = BigDecimalMath.sqrt(phi.multiply(phi).multiply(BigDecimal.valueOf(4)).add(u.multiply(v)), MC);
        BigDecimal eta = new BigDecimal("1.8").divide(gf, MC);
        BigDecimal eps0 = new BigDecimal("0.1").subtract(phi);
        BigDecimal lambda0 = new BigDecimal("0.7");
        BigDecimal eps1 = eps0.multiply(BigDecimal.ONE.subtract(eta.multiply(lambda0))
                .add(eta.multiply(eta).multiply(eps0).multiply(new BigDecimal("0.1"))), MC);
        assertThat(gd.step()).isTrue();
        assertThat(gd.exactResidual().subtract(eps1).abs().compareTo(new BigDecimal("1e-50"))).isNegative();
        assertThat(run.eta()).isEqualTo(eta.doubleValue(), org.assertj.core.data.Offset.offset(2 * Math.ulp(run.eta())));
    }

    /** A Gaussian start has no typed text: its vectors enter with their exact binary values. */
    @Test
    void gaussianStartsUseTheExactDoubles() {
        StartSpec start = new StartSpec.Gaussian(3, 0.5, 0.5, 7);
        VectorPoint p = start.point();
        DecimalGd gd = (DecimalGd) Runs.resolve(spec(1.0, start, new EtaSpec.Absolute(0.25), 50)).stepper();
        BigDecimal m = BigDecimal.ZERO;
        for (int i = 0; i < 3; i++) {
            m = m.add(new BigDecimal(p.a(i)).multiply(new BigDecimal(p.b(i))));
        }
        assertThat(gd.exactResidual().subtract(m.subtract(BigDecimal.ONE)).abs().compareTo(new BigDecimal("1e-45")))
                .isNegative();
    }
}
