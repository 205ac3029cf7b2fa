package eoslab.sweep;

import eoslab.dynamics.CellClass;
import eoslab.EoslabTest;
import eoslab.dynamics.Engine;
import eoslab.dynamics.Precision;
import eoslab.dynamics.StopRule;
import eoslab.measure.Orbit;
import eoslab.service.Runs;
import eoslab.spec.EtaSpec;
import eoslab.spec.MethodSpec;
import eoslab.spec.ModelSpec;
import eoslab.spec.RunSettings;
import eoslab.spec.ScheduleSpec;
import eoslab.spec.StartSpec;
import java.util.Arrays;
import org.hipparchus.complex.Complex;
import org.hipparchus.linear.EigenDecompositionNonSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The Lyapunov exponents of the momentum map against an independent computation: on a periodic orbit of period p the
 * two largest exponents are (1/p)·ln of the two largest eigenvalue moduli of the product of the map's Jacobians over
 * one period, here from central finite differences of the 4-variable map (not the analytic Jacobian) and Hipparchus'
 * non-symmetric eigen-decomposition; on a converged orbit λ₁ = 0 (the curve of minima) and λ₂ is the log of the second
 * largest eigenvalue modulus of the Jacobian at the limit.
 */
class MomentumLyapunovTest extends EoslabTest {

    /** One step of the 4-variable map from (p, q, p⁻, q⁻). */
    private static double[] map(boolean nesterov, double phi, double eta, double beta, double[] x) {
        double p = x[0];
        double q = x[1];
        double pm = x[2];
        double qm = x[3];
        if (nesterov) {
            double py = p + beta * (p - pm);
            double qy = q + beta * (q - qm);
            double h = eta * (0.25 * (py * py - qy * qy) - phi);
            return new double[] {(1 - h) * py, (1 + h) * qy, p, q};
        }
        double h = eta * (0.25 * (p * p - q * q) - phi);
        return new double[] {(1 - h) * p + beta * (p - pm), (1 + h) * q + beta * (q - qm), p, q};
    }

    private static RealMatrix fdJacobian(boolean nesterov, double phi, double eta, double beta, double[] x) {
        double[][] j = new double[4][4];
        double h = 1e-6;
        for (int c = 0; c < 4; c++) {
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[c] += h;
            xm[c] -= h;
            double[] fp = map(nesterov, phi, eta, beta, xp);
            double[] fm = map(nesterov, phi, eta, beta, xm);
            for (int r = 0; r < 4; r++) {
                j[r][c] = (fp[r] - fm[r]) / (2 * h);
            }
        }
        return MatrixUtils.createRealMatrix(j);
    }

    /** The two largest (1/p)·ln|μ| of a matrix product over p steps. */
    private static double[] exponents(RealMatrix product, int period) {
        Complex[] mu = new EigenDecompositionNonSymmetric(product).getEigenvalues();
        double[] logs = Arrays.stream(mu).mapToDouble(z -> Math.log(z.norm()) / period).sorted().toArray();
        return new double[] {logs[3], logs[2]};
    }

    private static Orbit column(String method, double beta, double eta, double lambda0, int discard, int keep) {
        RunSettings s = new RunSettings(MethodSpec.of(method, beta, ScheduleSpec.CONSTANT), StopRule.DEFAULT,
                Engine.AUTO, Precision.DOUBLE);
        return Bifurcation.column(Runs.resolve(s.run(ModelSpec.Shallow.ofPhi(1.0), new StartSpec.Canonical(0.0,
                lambda0), new EtaSpec.Absolute(eta))), discard, keep, Orbit.Observed.RESIDUAL);
    }

    @ParameterizedTest(name = "{0} β = {1} η = {2}")
    @CsvSource({"heavy-ball, 0.1, 1.3", "heavy-ball, 0.2, 1.3", "nesterov, 0.1, 1.15"})
    void periodicOrbitsHaveTheExponentsOfTheirPeriodsJacobian(String method, double beta, double eta) {
        boolean nesterov = method.equals("nesterov");
        Orbit orbit = column(method, beta, eta, 1.0, 20000, 4000);
        assertThat(orbit.status()).isEqualTo(CellClass.PERIODIC);
        int period = orbit.period();
        // the state on the orbit: rerun the transient with the same map
        double[] x = {Math.sqrt(1.0), Math.sqrt(1.0), Math.sqrt(1.0), Math.sqrt(1.0)};
        for (int k = 0; k < 20000; k++) {
            x = map(nesterov, 1.0, eta, beta, x);
        }
        RealMatrix product = MatrixUtils.createRealIdentityMatrix(4);
        for (int k = 0; k < period; k++) {
            product = fdJacobian(nesterov, 1.0, eta, beta, x).multiply(product);
            x = map(nesterov, 1.0, eta, beta, x);
        }
        double[] expected = exponents(product, period);
        assertThat(orbit.lyapunov()).isCloseTo(expected[0], within(2e-3));
        assertThat(orbit.lyapunov2()).isCloseTo(expected[1], within(2e-3));
        assertThat(orbit.lyapunov()).as("a stable cycle").isNegative();
    }

    @ParameterizedTest(name = "{0} β = {1} η = {2}")
    @CsvSource({"heavy-ball, 0.5, 0.6", "heavy-ball, 0.2, 0.3", "nesterov, 0.4, 0.5", "nesterov, 0.2, 0.3"})
    void convergedOrbitsHaveAZeroAndTheSecondMultiplier(String method, double beta, double eta) {
        boolean nesterov = method.equals("nesterov");
        Orbit orbit = column(method, beta, eta, 3.0, 20000, 2000);
        assertThat(orbit.status()).isEqualTo(CellClass.CONVERGED);
        double[] x = {Math.sqrt(3.0), Math.sqrt(3.0), Math.sqrt(3.0), Math.sqrt(3.0)};
        for (int k = 0; k < 20000; k++) {
            x = map(nesterov, 1.0, eta, beta, x);
        }
        double[] expected = exponents(fdJacobian(nesterov, 1.0, eta, beta, x), 1);
        assertThat(expected[0]).isCloseTo(0.0, within(1e-6));
        assertThat(orbit.lyapunov()).isCloseTo(0.0, within(1e-3));
        assertThat(orbit.lyapunov2()).isCloseTo(expected[1], within(1e-3));
    }
}
