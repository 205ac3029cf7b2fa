package eoslab.model.shallow;

import ch.obermuhlner.math.big.BigDecimalMath;
import eoslab.EoslabTest;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The closed-form residual against docs/model.md §5's Riccati solution u(t) = (u₊ − u₋Ce^{−λt})/(1 − Ce^{−λt}) evaluated in
 * 60-digit BigDecimal arithmetic, where cancellation does not matter: relative accuracy 1e-9 of ε(t), also when |Φ| and
 * λ differ by many orders of magnitude (the ODE cannot resolve ε there).
 */
class ClosedFormFlowPrecisionTest extends EoslabTest {
    private static final MathContext MC = new MathContext(60);

    static Stream<Arguments> starts() {
        return Stream.of(
                Arguments.of(1.0, 0.1, 5.0), Arguments.of(-0.7, 0.3, 2.0), Arguments.of(2.0, -3.0, 9.0),
                Arguments.of(1.0, 0.0, 1e12), Arguments.of(1.0, 3.0, 1e30), Arguments.of(1e-20, 0.3, 1.0),
                Arguments.of(1e20, 0.0, 1.0), Arguments.of(-1e20, 1.0, 3.0), Arguments.of(1.0, 1.0 - 1e-9, 2.5));
    }

    @ParameterizedTest(name = "phi={0}, m0={1}, lambda0={2}")
    @MethodSource("starts")
    void residualHasFullRelativeAccuracy(double phi, double m0, double lambda0) {
        VectorPoint start = ReducedPoint.canonical(m0, lambda0).toVectors();
        ClosedFormFlow flow = ClosedFormFlow.from(phi, start);
        BigDecimal p = exactSquaredNorm(start, 1);
        BigDecimal m = exactSquaredNorm(start, -1);
        BigDecimal bphi = new BigDecimal(phi);
        BigDecimal lambdaGf = BigDecimalMath.sqrt(bphi.multiply(bphi).multiply(BigDecimal.valueOf(4))
                .add(p.multiply(m)), MC);
        BigDecimal uPlus = bphi.multiply(BigDecimal.valueOf(2)).add(lambdaGf).divide(p, MC);
        BigDecimal uMinus = bphi.multiply(BigDecimal.valueOf(2)).subtract(lambdaGf).divide(p, MC);
        BigDecimal c = BigDecimal.ONE.subtract(uPlus).divide(BigDecimal.ONE.subtract(uMinus), MC);
        for (double lt : new double[] {0.0, 1e-6, 0.01, 0.5, 1.0, 3.0, 10.0, 30.0}) {
            double t = lt / flow.gfSharpness();
            BigDecimal e = BigDecimalMath.exp(new BigDecimal(-lt), MC);
            BigDecimal ce = c.multiply(e);
            BigDecimal u = uPlus.subtract(uMinus.multiply(ce)).divide(BigDecimal.ONE.subtract(ce), MC);
            BigDecimal bigU = p.multiply(u);
            BigDecimal bigV = p.multiply(m).divide(bigU, MC);
            double eps = bigU.subtract(bigV).divide(BigDecimal.valueOf(4), MC).subtract(bphi).doubleValue();
            // the closed form starts from ε₀ = fl(aᵀb) − Φ: one rounding of m, carried along by the factor e^{−λt}
            double inputRounding = 1e-15 * Math.abs(start.product()) * Math.exp(-lt);
            assertThat(flow.at(t).residual()).as("ε at λt=%s", lt)
                    .isCloseTo(eps, within(1e-9 * Math.abs(eps) + inputRounding));
            assertThat(flow.at(t).norm()).as("λ at λt=%s", lt)
                    .isCloseTo(bigU.add(bigV).divide(BigDecimal.valueOf(2), MC).doubleValue(),
                            within(1e-12 * flow.at(t).norm()));
        }
        assertThat(flow.limit().residual()).isZero();
        assertThat(flow.at(1e6 / flow.gfSharpness()).residual()).isZero();
        assertThat(flow.limit().norm()).isCloseTo(lambdaGf.doubleValue(), within(1e-12 * lambdaGf.doubleValue()));
    }

    /** ‖a ± b‖² summed exactly from the double entries. */
    private static BigDecimal exactSquaredNorm(VectorPoint x, int sign) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < x.width(); i++) {
            BigDecimal s = new BigDecimal(x.a(i)).add(new BigDecimal(x.b(i)).multiply(BigDecimal.valueOf(sign)));
            sum = sum.add(s.multiply(s));
        }
        return sum;
    }
}
