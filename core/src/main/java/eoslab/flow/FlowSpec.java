package eoslab.flow;

import java.util.OptionalDouble;

/**
 * What to compute of a gradient flow: samples every dt up to tMax (both ends included) and the first time |ε| ≤ tol.
 *
 * @param tMax end of the sampled interval (&gt; 0)
 * @param dt   sampling interval (&gt; 0)
 * @param tol  residual tolerance (&gt; 0)
 */
public record FlowSpec(double tMax, double dt, double tol) {
    /** Validates the spec. */
    public FlowSpec {
        if (!(tMax > 0) || Double.isInfinite(tMax)) {
            throw new IllegalArgumentException("t-max must be finite and positive, got " + tMax);
        }
        if (!(dt > 0) || Double.isInfinite(dt)) {
            throw new IllegalArgumentException("dt must be finite and positive, got " + dt);
        }
        if (tMax / dt > 50_000_000) {
            throw new IllegalArgumentException("t-max/dt gives more than 5e7 samples; raise dt");
        }
        if (!(tol > 0) || Double.isInfinite(tol)) {
            throw new IllegalArgumentException("tol must be finite and positive, got " + tol);
        }
    }

    /** The number of samples: 0, dt, 2dt, … and tMax. */
    public int sampleCount() {
        long full = (long) Math.floor(tMax / dt + 1e-9);
        return (int) (full + (Math.abs(full * dt - tMax) <= 1e-9 * tMax ? 1 : 2));
    }

    /** The i-th sample time. */
    public double sampleTime(int i) {
        return Math.min(i * dt, tMax);
    }

    /**
     * The default horizon of a sampled flow: 1.5 × the exact time to tolerance; when that time is 0 (the start meets
     * the tolerance) 10/λ_GF, and when the flow never reaches it 100/λ_GF (λ_GF is the flow's rate; 1 stands in for it
     * when λ_GF = 0).
     */
    public static double defaultHorizon(OptionalDouble timeToTol, double gfSharpness) {
        double timeScale = gfSharpness > 0 ? 1.0 / gfSharpness : 1.0;
        if (timeToTol.isEmpty()) {
            return 100.0 * timeScale;
        }
        return timeToTol.getAsDouble() > 0 ? 1.5 * timeToTol.getAsDouble() : 10.0 * timeScale;
    }
}
