package eoslab.cli;

import eoslab.spec.EtaSpec;
import picocli.CommandLine.Option;

/** The step size: absolute ({@code --eta}), relative to 2/λ_GF ({@code --eta-rel}) or to η* ({@code --eta-crit}); exactly one. */
public final class EtaOptions {
    @Option(names = "--eta", paramLabel = "η", description = "Step size η > 0 (on the data loss when --data is given). No default: give exactly one of "
                    + "--eta, --eta-rel and --eta-crit.")
    Double eta;

    @Option(names = "--eta-rel", paramLabel = "c",
            description = "Relative step: η = c·2/λ_GF, with λ_GF = √(4Φ² + Q₀²) the sharpness of the gradient-flow "
                    + "solution from the same initialization (c = 1 is the edge of stability of that solution under GD; "
                    + "the same meaning for every --method, whose edge for it is c = κ: 1 + β for heavy-ball, "
                    + "(1 + β)/(1 + 2β) for nesterov). This is a step on the model ½(aᵀb − Φ)², also with --data. "
                    + "No default.")
    Double etaRel;

    @Option(names = "--eta-crit", paramLabel = "c",
            description = "Step relative to the exact convergence boundary: η = c·η*, with η* = min{1/|Φ|, "
                    + "8/(λ₀ + √(λ₀² − 16Φ(m₀ − Φ)))} of the initialization (GD converges for c < 1 and not above, "
                    + "for almost every start; docs/models.md §1.1). A step on the model, also with --data. No default.")
    Double etaCrit;

    /** The step as given (exactly one form, a finite positive number). */
    public EtaSpec eta() {
        int forms = (eta != null ? 1 : 0) + (etaRel != null ? 1 : 0) + (etaCrit != null ? 1 : 0);
        if (forms != 1) {
            throw new UsageException("give exactly one of --eta, --eta-rel and --eta-crit");
        }
        if (eta != null) {
            return new EtaSpec.Absolute(eta);
        }
        return etaRel != null ? new EtaSpec.Relative(etaRel) : new EtaSpec.Critical(etaCrit);
    }
}
