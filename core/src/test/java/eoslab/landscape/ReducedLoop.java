package eoslab.landscape;

/**
 * The tests' own exact reduced GD in double precision (model.md §3): s = a + b = p·ŝ, r = a − b = q·r̂,
 * p⁺ = (1 − ηε)p, q⁺ = (1 + ηε)q, ε = (p² − q²)/4 − Φ; a step that would take λ above 1e100 is refused.
 */
final class ReducedLoop {
    static final double DIVERGED_NORM = 1e100;

    private final double phi;
    private final double eta;
    private double p;
    private double q;

    /** A start given by p = ‖a + b‖ and q = ‖a − b‖. */
    ReducedLoop(double phi, double p, double q, double eta) {
        this.phi = phi;
        this.eta = eta;
        this.p = p;
        this.q = q;
    }

    /** A start given by m₀ and λ₀: p = √(λ₀ + 2m₀), q = √(λ₀ − 2m₀). */
    static ReducedLoop of(double phi, double m0, double lambda0, double eta) {
        return new ReducedLoop(phi, Math.sqrt(lambda0 + 2.0 * m0), Math.sqrt(lambda0 - 2.0 * m0), eta);
    }

    double product() {
        return (p * p - q * q) / 4.0;
    }

    double norm() {
        return (p * p + q * q) / 2.0;
    }

    double eps() {
        return product() - phi;
    }

    double imbalance() {
        return Math.abs(p * q);
    }

    /** One GD step; false (and no change) if it would take λ above 1e100 or overflow. */
    boolean step() {
        double e = eta * eps();
        double np = (1.0 - e) * p;
        double nq = (1.0 + e) * q;
        if (!((np * np + nq * nq) / 2.0 <= DIVERGED_NORM)) {
            return false;
        }
        p = np;
        q = nq;
        return true;
    }

    /** What a run of at most {@code budget} steps did. */
    enum Fate { CONVERGED, DIVERGED, BOUNDED }

    /** Runs until |ε| ≤ 1e-9·max(1, |Φ|), divergence, or the budget. */
    Fate run(int budget) {
        double tol = 1e-9 * Math.max(1.0, Math.abs(phi));
        for (int t = 0; t < budget; t++) {
            if (Math.abs(eps()) <= tol) {
                return Fate.CONVERGED;
            }
            if (!step()) {
                return Fate.DIVERGED;
            }
        }
        return Math.abs(eps()) <= tol ? Fate.CONVERGED : Fate.BOUNDED;
    }
}
