package eoslab.dynamics;

import eoslab.model.Quantities;
import eoslab.model.VectorPoint;
import java.util.OptionalDouble;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;

/**
 * Gradient flow ȧ = −εb, ḃ = −εa solved exactly (model.md §5). With U = ‖a + b‖², V = ‖a − b‖² and Q² = UV conserved,
 * U solves the Riccati equation U̇ = −½U² + 2ΦU + ½Q², whose fixed points are U± = 2Φ ± λ_GF. Its solution is written
 * in the cancellation-free form
 * <pre>
 *   U(t) = U₊ + δU(t),   δU(t) = (U₀ − U₊)e^{−λ_GF t} / (1 + (U₀ − U₊)·g(t)/2),   g(t) = (1 − e^{−λ_GF t})/λ_GF
 * </pre>
 * (g(t) = t when λ_GF = 0), and V likewise with Φ → −Φ, so that ε(t) = (δU − δV)/4 carries no cancellation even near
 * the limit. The directions of s = a + b and r = a − b never change: s(t) = √(U/U₀)s₀, r(t) = √(V/V₀)r₀. Immutable.
 */
public final class ClosedFormFlow {
    private final double phi;
    private final VectorPoint initial;
    private final double u0;
    private final double v0;
    private final double lambdaGf;
    private final double uPlus;
    private final double vPlus;

    private ClosedFormFlow(double phi, VectorPoint initial) {
        this.phi = phi;
        this.initial = initial;
        this.u0 = initial.sumSquared();
        this.v0 = initial.differenceSquared();
        double q2 = u0 * v0;
        this.lambdaGf = Quantities.gfSharpness(phi, Math.sqrt(q2));
        this.uPlus = phi >= 0 ? 2 * phi + lambdaGf : q2 / (lambdaGf - 2 * phi);
        this.vPlus = phi <= 0 ? -2 * phi + lambdaGf : q2 / (lambdaGf + 2 * phi);
    }

    /** The exact flow on target Φ from the given point (immutable, kept by reference). */
    public static ClosedFormFlow from(double phi, VectorPoint initial) {
        return new ClosedFormFlow(phi, initial);
    }

    /** λ_GF = √(4Φ² + Q₀²), the linear rate of the flow and the sharpness of its limit. */
    public double gfSharpness() {
        return lambdaGf;
    }

    private double g(double t) {
        return lambdaGf == 0 ? t : -Math.expm1(-lambdaGf * t) / lambdaGf;
    }

    /** δ(t) for a coordinate starting at x0 with attracting fixed point xPlus; 0 on the invariant set x0 = 0. */
    private double delta(double x0, double xPlus, double t) {
        if (x0 == 0) {
            return -xPlus;
        }
        double d0 = x0 - xPlus;
        double e = Math.exp(-lambdaGf * t);
        return d0 * e / (1.0 + 0.5 * d0 * g(t));
    }

    /** The invariants at time t ≥ 0. */
    public Snapshot at(double t) {
        double du = delta(u0, uPlus, t);
        double dv = delta(v0, vPlus, t);
        double u = uPlus + du;
        double v = vPlus + dv;
        double eps = 0.25 * (du - dv);
        return new Snapshot(phi, phi + eps, 0.5 * (u + v), Math.sqrt(u * v), eps);
    }

    /** The vectors at time t ≥ 0. */
    public VectorPoint pointAt(double t) {
        return scaled(uPlus + delta(u0, uPlus, t), vPlus + delta(v0, vPlus, t));
    }

    /** The limit t → ∞ (a global minimum except on the measure-zero sets of model.md §5). */
    public Snapshot limit() {
        double u = u0 == 0 ? 0 : uPlus;
        double v = v0 == 0 ? 0 : vPlus;
        double m = 0.25 * (u - v);
        return new Snapshot(phi, m, 0.5 * (u + v), Math.sqrt(u * v), m - phi);
    }

    /** The limit point a∞, b∞ of model.md §5. */
    public VectorPoint limitPoint() {
        return scaled(u0 == 0 ? 0 : uPlus, v0 == 0 ? 0 : vPlus);
    }

    /** True when the flow converges to a global minimum (it does except on the sets s₀ = 0, Φ &gt; 0 or r₀ = 0, Φ &lt; 0). */
    public boolean reachesMinimum() {
        return Math.abs(limit().residual()) <= 1e-12 * Math.max(1.0, Math.abs(phi));
    }

    /**
     * The first time at which |ε(t)| ≤ tol. Along GF, ε̇ = −λε, so |ε| decreases strictly and the time is unique; it is
     * found by bracketing and Hipparchus' Brent-type solver on ln|ε(t)| − ln tol.
     *
     * @return the time, or empty when |ε| never reaches tol
     */
    public OptionalDouble timeToTol(double tol) {
        if (Math.abs(at(0).residual()) <= tol) {
            return OptionalDouble.of(0.0);
        }
        if (!(tol > 0) || Math.abs(limit().residual()) >= tol) {
            return OptionalDouble.empty();
        }
        double hi = 1.0 / Math.max(lambdaGf, 1e-300);
        if (!Double.isFinite(hi)) {
            hi = 1.0;
        }
        while (Math.abs(at(hi).residual()) > tol) {
            hi *= 2;
            if (hi > 1e300) {
                return OptionalDouble.empty();
            }
        }
        double logTol = Math.log(tol);
        BracketingNthOrderBrentSolver solver = new BracketingNthOrderBrentSolver(1e-15, 1e-14, 1e-300, 5);
        double t = solver.solve(10_000, x -> Math.log(Math.max(Math.abs(at(x).residual()), Double.MIN_VALUE)) - logTol, 0.0, hi);
        return OptionalDouble.of(t);
    }

    private VectorPoint scaled(double u, double v) {
        double cs = u0 == 0 ? 0 : Math.sqrt(u / u0);
        double cr = v0 == 0 ? 0 : Math.sqrt(v / v0);
        int d = initial.width();
        double[] a = new double[d];
        double[] b = new double[d];
        for (int i = 0; i < d; i++) {
            double s = cs * (initial.a(i) + initial.b(i));
            double r = cr * (initial.a(i) - initial.b(i));
            a[i] = 0.5 * (s + r);
            b[i] = 0.5 * (s - r);
        }
        return VectorPoint.of(a, b);
    }
}
