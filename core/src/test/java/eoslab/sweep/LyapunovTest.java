package eoslab.sweep;

import eoslab.EoslabTest;
import eoslab.dynamics.CellClass;
import eoslab.dynamics.StopRule;
import eoslab.dynamics.shallow.ReducedGd;
import eoslab.measure.Orbit;
import eoslab.model.shallow.ReducedPoint;
import eoslab.model.shallow.VectorPoint;
import eoslab.service.Runs;
import eoslab.spec.EtaSpec;
import eoslab.spec.ModelSpec;
import eoslab.spec.RunSettings;
import eoslab.spec.RunSpec;
import eoslab.spec.StartSpec;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LyapunovTest extends EoslabTest {
    private static final VectorPoint START = new StartSpec.Canonical(0.0, 1.0).point();

    /** The analytic Jacobian equals central finite differences of the map. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void jacobianMatchesFiniteDifferences(long seed) {
        Random rng = new Random(seed);
        for (int k = 0; k < 20; k++) {
            double phi = 2 * rng.nextDouble() - 1;
            double eta = 0.1 + rng.nextDouble();
            double p = 3 * rng.nextGaussian();
            double q = 3 * rng.nextGaussian();
            double[] j = Lyapunov.jacobian(phi, eta, p, q);
            double h = 1e-6;
            double[] fp = map(phi, eta, p + h, q);
            double[] fm = map(phi, eta, p - h, q);
            double[] gp = map(phi, eta, p, q + h);
            double[] gm = map(phi, eta, p, q - h);
            double tol = 1e-6 * (1 + Math.abs(eta) * (p * p + q * q));
            assertThat(j[0]).isCloseTo((fp[0] - fm[0]) / (2 * h), within(tol));
            assertThat(j[2]).isCloseTo((fp[1] - fm[1]) / (2 * h), within(tol));
            assertThat(j[1]).isCloseTo((gp[0] - gm[0]) / (2 * h), within(tol));
            assertThat(j[3]).isCloseTo((gp[1] - gm[1]) / (2 * h), within(tol));
        }
    }

    /** The bifurcation column of GD with step η on target Φ from the given start. */
    private static Orbit column(double phi, double eta, VectorPoint start, int discard, int keep,
                                Orbit.Observed what) {
        RunSpec spec = RunSettings.gd(StopRule.DEFAULT).run(ModelSpec.Shallow.ofPhi(phi),
                new StartSpec.Explicit(start), new EtaSpec.Absolute(eta));
        return Bifurcation.column(Runs.resolve(spec), discard, keep, what);
    }

    private static double[] map(double phi, double eta, double p, double q) {
        double e = 0.25 * (p * p - q * q) - phi;
        return new double[] {(1 - eta * e) * p, (1 + eta * e) * q};
    }

    /**
     * Converging: negative along the convergence; after it, λ₁ → 0 (the curve of minima is neutral; a finite window
     * carries an O(1/K) alignment term) and λ₁ + λ₂ = ln|det J| = ln|1 − ηλ∞| exactly.
     */
    @Test
    void negativeOnConvergingRuns() {
        Orbit during = column(1.0, 0.5, START, 0, 60, Orbit.Observed.RESIDUAL);
        assertThat(during.lyapunov()).isNegative();
        assertThat(during.lyapunov2()).isLessThan(during.lyapunov());
        Orbit after = column(1.0, 0.5, START, 3000, 200, Orbit.Observed.NORM);
        assertThat(after.period()).isEqualTo(1);
        assertThat(after.status()).isEqualTo(CellClass.CONVERGED);
        assertThat(after.lyapunov()).isCloseTo(0.0, within(2.0 / 200));
        double lambdaInf = after.values()[0];
        assertThat(after.lyapunov() + after.lyapunov2()).isCloseTo(Math.log(Math.abs(1 - 0.5 * lambdaInf)),
                within(1e-9));
        assertThat(after.lyapunov2()).isLessThan(Math.log(Math.abs(1 - 0.5 * lambdaInf)) + 2.0 / 200);
    }

    /** A stable period-2 orbit (Φ = 1, η = 1.1 beyond 1/Φ) has a negative largest exponent. */
    @Test
    void negativeOnStablePeriodicOrbit() {
        Orbit c = column(1.0, 1.1, START, 5000, 400, Orbit.Observed.RESIDUAL);
        assertThat(c.status()).isEqualTo(CellClass.PERIODIC);
        assertThat(c.period()).isEqualTo(2);
        assertThat(c.lyapunov()).isNegative();
    }

    /**
     * Chaotic orbit (Φ = 1, η = 1.5, λ₀ = 1): λ₁ &gt; 0, and it agrees with an independent estimate from the separation
     * of two nearby orbits of {@link ReducedGd}, renormalized every step (Benettin's method).
     */
    @Test
    void positiveOnChaoticOrbitAndMatchesTwoOrbitEstimate() {
        double eta = 1.5;
        int keep = 20000;
        Orbit c = column(1.0, eta, START, 2000, keep, Orbit.Observed.RESIDUAL);
        assertThat(c.status()).isEqualTo(CellClass.APERIODIC);
        assertThat(c.lyapunov()).isGreaterThan(0.05);

        ReducedGd gd = ReducedGd.from(1.0, eta, START);
        for (int k = 0; k < 2000; k++) {
            gd.step();
        }
        ReducedPoint x = gd.reduced();
        double p = x.p();
        double q = x.q();
        double d0 = 1e-9;
        double p2 = p + d0;
        double q2 = q;
        double sum = 0;
        for (int k = 0; k < keep; k++) {
            double[] a = map(1.0, eta, p, q);
            double[] b = map(1.0, eta, p2, q2);
            double dp = b[0] - a[0];
            double dq = b[1] - a[1];
            double d = Math.hypot(dp, dq);
            sum += Math.log(d / d0);
            p = a[0];
            q = a[1];
            p2 = p + dp * d0 / d;
            q2 = q + dq * d0 / d;
        }
        assertThat(c.lyapunov()).isCloseTo(sum / keep, within(0.02));
    }
}
