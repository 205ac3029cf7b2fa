package eoslab.cli;

import eoslab.spec.EtaSpec;
import picocli.CommandLine.Option;

/** The step size: absolute ({@code --eta}) or relative to 2/λ_GF ({@code --eta-rel}); exactly one. */
public final class EtaOptions {
    @Option(names = "--eta", paramLabel = "η", description = "Step size η > 0 (on the data loss when --data is given). No default: give exactly one of "
                    + "--eta and --eta-rel.")
    Double eta;

    @Option(names = "--eta-rel", paramLabel = "c",
            description = "Relative step: η = c·2/λ_GF, with λ_GF = √(4Φ² + Q₀²) the sharpness of the gradient-flow "
                    + "solution from the same initialization (c = 1 is the edge of stability of that solution under GD; "
                    + "the same meaning for every --method, whose edge for it is c = κ: 1 + β for heavy-ball, "
                    + "(1 + β)/(1 + 2β) for nesterov). This is a step on the model ½(aᵀb − Φ)², also with --data. "
                    + "No default.")
    Double etaRel;

    /** The step as given (exactly one form, a finite positive number). */
    public EtaSpec eta() {
        if ((eta == null) == (etaRel == null)) {
            throw new UsageException("give exactly one of --eta and --eta-rel");
        }
        return eta != null ? new EtaSpec.Absolute(eta) : new EtaSpec.Relative(etaRel);
    }
}
