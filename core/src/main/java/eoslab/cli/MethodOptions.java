package eoslab.cli;

import eoslab.grid.Axis;
import eoslab.spec.MethodSpec;
import eoslab.spec.ScheduleSpec;
import picocli.CommandLine.Option;

/**
 * The method and its step-size schedule, one option group shared by {@code run}, {@code compare}, {@code sweep},
 * {@code phase}, {@code bifurcation} and {@code check}: {@code --method}, {@code --beta} (a value, or a range
 * start:stop:count where a command sweeps it), {@code --schedule} and {@code --eta-start}.
 */
public final class MethodOptions {
    /** The text shared by the commands' help: what the schedule's step sizes are relative to. */
    static final String UNITS = "Step sizes inside a schedule (--eta-start, η_min, a file's values) are in the units "
            + "of the step option: absolute like --eta, or relative like --eta-rel (c·2/λ_GF).";

    @Option(names = "--method", paramLabel = "gd|heavy-ball|nesterov",
            description = "gd: θ⁺ = θ − η∇L(θ); heavy-ball: θ⁺ = θ − η∇L(θ) + β(θ − θ⁻); nesterov: y = θ + β(θ − θ⁻), "
                    + "θ⁺ = y − η∇L(y); with θ₋₁ = θ₀. A minimum of sharpness λ is linearly stable iff ηλ < 2κ: "
                    + "κ = 1, 1 + β, (1 + β)/(1 + 2β) (docs/models.md §2). Exact on the shallow model at every width "
                    + "(default gd).")
    String method;

    @Option(names = "--beta", paramLabel = "β",
            description = "Momentum 0 <= β < 1 of heavy-ball and nesterov (default 0; sweep, phase and bifurcation also "
                    + "take a range start:stop:count).")
    String beta;

    @Option(names = "--schedule", paramLabel = "SCHEDULE",
            description = "Step size η_k of step k: constant; warmup:K (linear from --eta-start to η over K steps); "
                    + "cosine:T[:η_min] (η·w + η_min·(1 − w), w = (1 + cos(πk/T))/2, then η_min; η_min default 0); "
                    + "step:K:γ (η·γ^⌊k/K⌋); exp:γ (η·γᵏ); file:PATH (one η_k per line; the file must list at least "
                    + "--steps values). " + UNITS + " (default constant).")
    String schedule;

    @Option(names = "--eta-start", paramLabel = "η₀",
            description = "First step of --schedule warmup:K (default 0).")
    Double etaStart;

    /** The options of a command that was given none of them. */
    static MethodOptions orNone(MethodOptions options) {
        return options == null ? new MethodOptions() : options;
    }

    /** True when any of the options was given. */
    boolean given() {
        return method != null || beta != null || schedule != null || etaStart != null;
    }

    /**
     * The method with a single β.
     *
     * @throws UsageException for bad values (a range of β included)
     */
    MethodSpec spec() {
        Double b = null;
        if (beta != null) {
            try {
                b = Double.parseDouble(beta);
            } catch (NumberFormatException e) {
                throw new UsageException("--beta must be a number in [0, 1), got '" + beta + "'");
            }
        }
        return build(b);
    }

    /**
     * The method for a grid: β is its first value; {@link #betaAxis} gives all of them.
     *
     * @throws UsageException for bad values
     */
    MethodSpec gridSpec() {
        Axis axis = betaAxis(false);
        return build(axis == null ? null : axis.start());
    }

    /**
     * The β axis of a grid (a single value or a range), or null for gradient descent without {@code --beta}.
     *
     * @param log geometric spacing ({@code --log beta})
     * @throws UsageException for bad values
     */
    Axis betaAxis(boolean log) {
        if (beta == null) {
            return name().equals("gd") ? null : Axis.single("beta", 0.0);
        }
        if (name().equals("gd")) {
            throw new UsageException("--beta applies to --method heavy-ball or nesterov");
        }
        Axis axis;
        try {
            axis = Axis.parse("beta", beta, log);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (!(axis.start() >= 0) || !(axis.stop() < 1)) {
            throw new UsageException("--beta must be in [0, 1), got '" + beta + "'");
        }
        return axis;
    }

    private String name() {
        return method == null ? "gd" : method;
    }

    private MethodSpec build(Double b) {
        try {
            ScheduleSpec s = schedule == null ? (etaStart == null ? ScheduleSpec.CONSTANT
                    : ScheduleSpec.parse("constant", etaStart)) : ScheduleSpec.parse(schedule, etaStart);
            return MethodSpec.of(name(), b, s);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
