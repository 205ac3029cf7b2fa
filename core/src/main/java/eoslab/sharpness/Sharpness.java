package eoslab.sharpness;

import java.util.Arrays;
import java.util.Objects;

/**
 * The top k eigenvalues of a Hessian ∇²L(θ), in descending order, with an error bar for each.
 *
 * <p><b>Error bar.</b> For a symmetric matrix H, a unit vector v and any scalar θ, some eigenvalue λ of H satisfies
 * |λ − θ| ≤ ‖Hv − θv‖ (the Krylov–Weinstein bound, Bauer–Fike for a symmetric matrix). Each {@link #residuals()
 * residual} r_i = ‖H v_i − θ_i v_i‖ is computed explicitly, with one extra Hessian-vector product per eigenvalue, for
 * the returned (normalized) vector v_i and value θ_i; it is never taken from the eigensolver's own estimate.
 * {@link #errorBound(int)} returns it. Two caveats:
 * <ul>
 *   <li>the bound says that <em>some</em> eigenvalue lies in [θ_i − r_i, θ_i + r_i], not that it is the i-th largest:
 *   a Krylov method can miss an eigenvalue it never saw (a multiple eigenvalue's extra copies, or an eigenvector
 *   orthogonal to the start); the dense solver cannot;</li>
 *   <li>r_i is itself computed in floating point, so it cannot fall below roughly n·u·‖H‖ (u = 2⁻⁵³); an eigenvalue
 *   well separated from the rest of the spectrum (gap g) is in fact accurate to about r_i²/g (Kato–Temple), far
 *   better than r_i.</li>
 * </ul>
 *
 * <p>Immutable: arrays are copied in and out.
 *
 * @param eigenvalues  the k eigenvalue estimates θ_1 ≥ … ≥ θ_k
 * @param eigenvectors the unit eigenvectors, one row per eigenvalue, or an empty array when they were not requested
 * @param residuals    r_i = ‖H v_i − θ_i v_i‖, computed explicitly (0 for {@link #CLOSED_FORM})
 * @param iterations   the eigensolver's iterations: for {@link #ARPACK} the Lanczos cycles as ARPACK counts them
 *                     (iparam(3) on return; an exhausted budget of m restarts reports m + 1), for {@link #LANCZOS} the
 *                     cycles (restarts + 1), 0 otherwise
 * @param hvps         Hessian-vector products used, including the k for the residuals
 * @param converged    whether the eigensolver met its tolerance (always true for {@link #DENSE} and
 *                     {@link #CLOSED_FORM})
 * @param method       {@link #LANCZOS}, {@link #ARPACK}, {@link #DENSE} or {@link #CLOSED_FORM}: how the values were
 *                     computed (a Lanczos estimator on a small problem reports {@link #DENSE})
 */
public record Sharpness(double[] eigenvalues, double[][] eigenvectors, double[] residuals, int iterations, long hvps,
                        boolean converged, String method) {
    /** Thick-restart Lanczos ({@link ThickRestartLanczos}). */
    public static final String LANCZOS = "lanczos";
    /** ARPACK's implicitly restarted Lanczos ({@link LanczosSharpness}). */
    public static final String ARPACK = "arpack";
    /** The assembled Hessian and a dense symmetric eigensolver. */
    public static final String DENSE = "dense";
    /** A closed form. */
    public static final String CLOSED_FORM = "closed-form";

    /** Validates and copies. */
    public Sharpness {
        Objects.requireNonNull(method, "method");
        int k = eigenvalues.length;
        if (k < 1) {
            throw new IllegalArgumentException("at least one eigenvalue");
        }
        if (residuals.length != k) {
            throw new IllegalArgumentException(k + " eigenvalues but " + residuals.length + " residuals");
        }
        if (eigenvectors.length != 0 && eigenvectors.length != k) {
            throw new IllegalArgumentException(k + " eigenvalues but " + eigenvectors.length + " eigenvectors");
        }
        for (int i = 1; i < k; i++) {
            if (eigenvalues[i] > eigenvalues[i - 1]) {
                throw new IllegalArgumentException("eigenvalues must be in descending order");
            }
        }
        if (iterations < 0 || hvps < 0) {
            throw new IllegalArgumentException("negative count");
        }
        eigenvalues = eigenvalues.clone();
        residuals = residuals.clone();
        double[][] vectors = new double[eigenvectors.length][];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = eigenvectors[i].clone();
        }
        eigenvectors = vectors;
    }

    /** A closed-form result: the given eigenvalues (sorted here into descending order), residuals 0, no vectors. */
    public static Sharpness closedForm(double... eigenvalues) {
        double[] sorted = eigenvalues.clone();
        Arrays.sort(sorted);
        for (int i = 0, j = sorted.length - 1; i < j; i++, j--) {
            double t = sorted[i];
            sorted[i] = sorted[j];
            sorted[j] = t;
        }
        return new Sharpness(sorted, new double[0][], new double[sorted.length], 0, 0, true, CLOSED_FORM);
    }

    /** The number of eigenvalues k. */
    public int k() {
        return eigenvalues.length;
    }

    /** The sharpness: the largest eigenvalue θ_1 (algebraic: negative where the Hessian is negative definite). */
    public double value() {
        return eigenvalues[0];
    }

    /** θ_i, the i-th largest (from 0). */
    public double eigenvalue(int i) {
        return eigenvalues[i];
    }

    /** r_i = ‖H v_i − θ_i v_i‖. */
    public double residual(int i) {
        return residuals[i];
    }

    /**
     * The error bar of θ_i: an eigenvalue of the Hessian lies within this distance of θ_i (see the class comment).
     * Equal to {@link #residual(int)}.
     */
    public double errorBound(int i) {
        return residuals[i];
    }

    /** Whether eigenvectors were kept. */
    public boolean hasEigenvectors() {
        return eigenvectors.length > 0;
    }

    /** A copy of the unit eigenvector v_i. */
    public double[] eigenvector(int i) {
        if (!hasEigenvectors()) {
            throw new IllegalStateException("eigenvectors were not requested");
        }
        return eigenvectors[i].clone();
    }

    @Override
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    @Override
    public double[] residuals() {
        return residuals.clone();
    }

    @Override
    public double[][] eigenvectors() {
        double[][] copy = new double[eigenvectors.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = eigenvectors[i].clone();
        }
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sharpness s && Arrays.equals(eigenvalues, s.eigenvalues)
                && Arrays.deepEquals(eigenvectors, s.eigenvectors) && Arrays.equals(residuals, s.residuals)
                && iterations == s.iterations && hvps == s.hvps && converged == s.converged && method.equals(s.method);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(eigenvalues), Arrays.deepHashCode(eigenvectors), Arrays.hashCode(residuals),
                iterations, hvps, converged, method);
    }

    @Override
    public String toString() {
        return "Sharpness[method=" + method + ", eigenvalues=" + Arrays.toString(eigenvalues) + ", residuals="
                + Arrays.toString(residuals) + ", vectors=" + eigenvectors.length + ", iterations=" + iterations
                + ", hvps=" + hvps + ", converged=" + converged + "]";
    }
}
