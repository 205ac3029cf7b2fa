package eoslab.dynamics;

import eoslab.model.VectorPoint;

/**
 * GD on the actual vectors: a⁺ = a − ηεb, b⁺ = b − ηεa, with the invariants m = Σaᵢbᵢ, λ = Σ(aᵢ² + bᵢ²),
 * U = Σ(aᵢ + bᵢ)², V = Σ(aᵢ − bᵢ)² accumulated in the same single pass over memory that updates the vectors.
 * Used to check {@link ReducedGd} and as the basis of models without a reduction. Owns its arrays; allocates
 * nothing per step.
 */
public final class VectorGd implements GdStepper {
    private final double phi;
    private final double eta;
    private final double[] a;
    private final double[] b;
    private double m;
    private double lambda;
    private double u;
    private double v;

    private VectorGd(double phi, double eta, VectorPoint initial) {
        this.phi = phi;
        this.eta = eta;
        this.a = initial.a();
        this.b = initial.b();
        this.m = initial.product();
        this.lambda = initial.norm();
        this.u = initial.sumSquared();
        this.v = initial.differenceSquared();
    }

    /** GD with step η on target Φ from the given vectors (copied). */
    public static VectorGd from(double phi, double eta, VectorPoint initial) {
        return new VectorGd(phi, eta, initial);
    }

    @Override
    public boolean step() {
        double h = eta * (m - phi);
        double predicted = (1.0 + h * h) * lambda - 4.0 * h * m;
        if (!(predicted <= DIVERGENCE_NORM)) {
            return false;
        }
        double sm0 = 0;
        double sm1 = 0;
        double sl0 = 0;
        double sl1 = 0;
        double su0 = 0;
        double su1 = 0;
        double sv0 = 0;
        double sv1 = 0;
        final double[] x = a;
        final double[] y = b;
        final int n = x.length;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            double a0 = x[i];
            double b0 = y[i];
            double a1 = x[i + 1];
            double b1 = y[i + 1];
            double na0 = a0 - h * b0;
            double nb0 = b0 - h * a0;
            double na1 = a1 - h * b1;
            double nb1 = b1 - h * a1;
            x[i] = na0;
            y[i] = nb0;
            x[i + 1] = na1;
            y[i + 1] = nb1;
            sm0 += na0 * nb0;
            sm1 += na1 * nb1;
            sl0 += na0 * na0 + nb0 * nb0;
            sl1 += na1 * na1 + nb1 * nb1;
            double s0 = na0 + nb0;
            double s1 = na1 + nb1;
            double r0 = na0 - nb0;
            double r1 = na1 - nb1;
            su0 += s0 * s0;
            su1 += s1 * s1;
            sv0 += r0 * r0;
            sv1 += r1 * r1;
        }
        if (i < n) {
            double na = x[i] - h * y[i];
            double nb = y[i] - h * x[i];
            x[i] = na;
            y[i] = nb;
            sm0 += na * nb;
            sl0 += na * na + nb * nb;
            su0 += (na + nb) * (na + nb);
            sv0 += (na - nb) * (na - nb);
        }
        m = sm0 + sm1;
        lambda = sl0 + sl1;
        u = su0 + su1;
        v = sv0 + sv1;
        return true;
    }

    @Override
    public VectorPoint point() {
        return VectorPoint.of(a, b);
    }

    @Override
    public double phi() {
        return phi;
    }

    @Override
    public double eta() {
        return eta;
    }

    @Override
    public int width() {
        return a.length;
    }

    @Override
    public double product() {
        return m;
    }

    @Override
    public double norm() {
        return lambda;
    }

    @Override
    public double imbalance() {
        return Math.sqrt(u * v);
    }

    @Override
    public double residual() {
        return m - phi;
    }
}
