package eoslab.cli;

import eoslab.model.shallow.Landmarks;
import picocli.CommandLine.Option;

/** The step size: absolute ({@code --eta}) or relative to 2/λ_GF ({@code --eta-rel}); exactly one. */
public final class StepOptions {
    @Option(names = "--eta", paramLabel = "η", description = "Step size η > 0 (on the data loss when --data is given). No default: give exactly one of "
                    + "--eta and --eta-rel.")
    Double eta;

    @Option(names = "--eta-rel", paramLabel = "c",
            description = "Relative step: η = c·2/λ_GF, with λ_GF = √(4Φ² + Q₀²) the sharpness of the gradient-flow "
                    + "solution from the same initialization (c = 1 is the edge of stability of that solution). "
                    + "This is a step on the model ½(aᵀb − Φ)², also with --data. No default.")
    Double etaRel;

    /**
     * The step on the model, η (model.md §8 scaling applied for data sets).
     *
     * @throws UsageException unless exactly one of --eta, --eta-rel is a finite positive number
     */
    public double modelStep(Setup setup, Landmarks landmarks) {
        if ((eta == null) == (etaRel == null)) {
            throw new UsageException("give exactly one of --eta and --eta-rel");
        }
        double step;
        if (eta != null) {
            requirePositive("--eta", eta);
            step = setup.modelStep(eta);
        } else {
            requirePositive("--eta-rel", etaRel);
            step = landmarks.absoluteStep(etaRel);
            if (!Double.isFinite(step)) {
                throw new UsageException("--eta-rel is undefined here: λ_GF = 0 (Φ = 0 and a balanced start)");
            }
        }
        return step;
    }

    private static void requirePositive(String option, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new UsageException(option + " must be a finite positive number, got " + v);
        }
    }
}
