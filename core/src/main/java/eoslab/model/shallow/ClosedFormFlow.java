package eoslab.model.shallow;

import java.util.OptionalDouble;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;

/**
 * Gradient flow ȧ = −εb, ḃ = −εa solved exactly (docs/model.md §5). With U = ‖a + b‖², V = ‖a − b‖² and Q² = UV conserved,
 * U solves the Riccati equation U̇ = −½U² + 2ΦU + ½Q², whose fixed points are U₊ = 2Φ + λ_GF (attracting) and
 * U₋ = 2Φ − λ_GF; V likewise with Φ → −Φ (V₊ = 2λ_GF − U₊). With e = e^{−λ_GF t}, the solution is evaluated as
 * <pre>
 *   U(t) = ((1 − e)(Q² + U₊U₀) + 2λ_GF U₀ e) / (V₊ + U₊e + U₀(1 − e))
 *   ε(t) = ε₀ e (2λ_GF)² / ((V₊ + U₊e + U₀(1 − e)) (U₊ + V₊e + V₀(1 − e)))
 * </pre>
 * (U(t) = U₀/(1 + U₀t/2) when λ_GF = 0): sums of non-negative terms, so nothing cancels, near the limit or when |Φ|
 * and λ differ by many orders of magnitude. The directions of s = a + b and r = a − b never change:
 * s(t) = √(U/U₀)s₀, r(t) = √(V/V₀)r₀. Immutable.
 */
public final class ClosedFormFlow {
    private final double phi;
    private final VectorPoint initial;
    private final double u0;
    private final double v0;
    private final double eps0;
    private final double lambdaGf;
    private final double uPlus;
    private final double vPlus;

    private ClosedFormFlow(double phi, VectorPoint initial) {
        this.phi = phi;
        this.initial = initial;
        this.u0 = initial.sumSquared();
        this.v0 = initial.differenceSquared();
        this.eps0 = initial.product() - phi;
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

    /**
     * 1 + δX₀·g(t)/2 for a coordinate X starting at x0 with fixed points xPlus (attracting) and xOther = 2λ_GF − xPlus,
     * written as (xOther + xPlus·e^{−λt} + x0·(1 − e^{−λt}))/(2λ): a sum of non-negative terms, so no cancellation
     * even when |Φ| and λ differ by many orders of magnitude.
     */
    private double denominator(double x0, double xPlus, double xOther, double t) {
        if (lambdaGf == 0) {
            return 1.0 + 0.5 * (x0 - xPlus) * t;
        }
        return (xOther + xPlus * Math.exp(-lambdaGf * t) - x0 * Math.expm1(-lambdaGf * t)) / (2.0 * lambdaGf);
    }

    /** δX(t) = X(t) − X₊ for a coordinate starting at x0 with attracting fixed point xPlus; −X₊ on the set x0 = 0. */
    private double delta(double x0, double xPlus, double xOther, double t) {
        if (x0 == 0) {
            return -xPlus;
        }
        return (x0 - xPlus) * Math.exp(-lambdaGf * t) / denominator(x0, xPlus, xOther, t);
    }

    /**
     * X(t) = X₊ + δX(t) for a coordinate starting at x0, rewritten (using X₊X₋ = Q² with X₋ = xOther) as
     * ((1 − e)(Q² + X₊x0) + 2λx0·e) / (X₋ + X₊e + x0(1 − e)), e = e^{−λt}: non-negative terms only, so it keeps
     * full relative accuracy at every t, whatever the sizes of Φ and λ. 0 on the invariant set x0 = 0.
     */
    private double coordinate(double x0, double xPlus, double xOther, double t) {
        if (x0 == 0) {
            return 0.0;
        }
        if (lambdaGf == 0) {
            return x0 / (1.0 + 0.5 * x0 * t);
        }
        double e = Math.exp(-lambdaGf * t);
        double rest = -Math.expm1(-lambdaGf * t);
        return (rest * (xPlus * xOther + xPlus * x0) + 2.0 * lambdaGf * x0 * e) / (xOther + xPlus * e + x0 * rest);
    }

    /** The invariants at time t ≥ 0. */
    public ShallowSnapshot at(double t) {
        double u = coordinate(u0, uPlus, vPlus, t);
        double v = coordinate(v0, vPlus, uPlus, t);
        double eps = residualAt(t);
        return new ShallowSnapshot(phi, phi + eps, 0.5 * (u + v), Math.sqrt(u * v), eps);
    }

    /**
     * ε(t). Off the invariant sets U₀ = 0, V₀ = 0, (δU − δV)/4 simplifies (since δU₀ − δV₀ = 4ε₀) to
     * ε₀e^{−λ_GF t} / ((1 + δU₀g/2)(1 + δV₀g/2)), which keeps full relative accuracy even when |Φ| and λ are far
     * apart.
     */
    private double residualAt(double t) {
        if (u0 == 0 || v0 == 0) {
            return 0.25 * (delta(u0, uPlus, vPlus, t) - delta(v0, vPlus, uPlus, t));
        }
        return eps0 * Math.exp(-lambdaGf * t)
                / (denominator(u0, uPlus, vPlus, t) * denominator(v0, vPlus, uPlus, t));
    }

    /** The vectors at time t ≥ 0. */
    public VectorPoint pointAt(double t) {
        return scaled(coordinate(u0, uPlus, vPlus, t), coordinate(v0, vPlus, uPlus, t));
    }

    /** The limit t → ∞ (a global minimum except on the measure-zero sets of docs/model.md §5). */
    public ShallowSnapshot limit() {
        double u = u0 == 0 ? 0 : uPlus;
        double v = v0 == 0 ? 0 : vPlus;
        if (reachesMinimum()) {
            return new ShallowSnapshot(phi, phi, 0.5 * (u + v), Math.sqrt(u * v), 0.0);
        }
        double m = 0.25 * (u - v);
        return new ShallowSnapshot(phi, m, 0.5 * (u + v), Math.sqrt(u * v), m - phi);
    }

    /** The limit point a∞, b∞ of docs/model.md §5. */
    public VectorPoint limitPoint() {
        return scaled(u0 == 0 ? 0 : uPlus, v0 == 0 ? 0 : vPlus);
    }

    /** True when the flow converges to a global minimum (it does except on the sets s₀ = 0, Φ &gt; 0 or r₀ = 0, Φ &lt; 0). */
    public boolean reachesMinimum() {
        return !(phi > 0 && u0 == 0) && !(phi < 0 && v0 == 0);
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
        if (!(tol > 0) || !reachesMinimum()) {
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
        return initial.scaleSumAndDifference(u0 == 0 ? 0 : Math.sqrt(u / u0), v0 == 0 ? 0 : Math.sqrt(v / v0));
    }
}
