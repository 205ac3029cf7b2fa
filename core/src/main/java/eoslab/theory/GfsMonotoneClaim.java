package eoslab.theory;

import java.util.List;

/** Kreisler et al. 2023, exact here: the GF-solution sharpness of the iterate falls exactly while η|ε_t| ≤ √2. */
public final class GfsMonotoneClaim implements RunClaim {
    @Override
    public String id() {
        return "gfs";
    }

    @Override
    public String title() {
        return "The GF-solution sharpness of the iterate decreases along GD exactly while η|ε_t| ≤ √2";
    }

    @Override
    public String statement() {
        return "At every GD step with Q_t > 0 and ε_t ≠ 0, the sharpness √(4Φ² + Q_t²) of the GF solution started "
                + "from the iterate does not increase when η|ε_t| ≤ √2 and increases when η|ε_t| > √2, because "
                + "Q_{t+1} = |1 − η²ε_t²|·Q_t (docs/model.md §3). Judged per run over all its steps, up to "
                + ClaimTrace.IMBALANCE_ULPS + " relative rounding, at steps with Q_t ≥ " + ClaimTrace.MIN_IMBALANCE
                + " (below, the coordinates underflow). Margin: the smallest relative move of Q in the "
                + "predicted direction.";
    }

    @Override
    public List<String> hypotheses() {
        return List.of("Q0 ≠ 0 (each step with Q_t ≥ 1e-250 and ε_t ≠ 0 is checked)");
    }

    /** The relative rounding of one step's imbalance. */
    @Override
    public double roundingAllowance() {
        return ClaimTrace.IMBALANCE_ULPS;
    }

    @Override
    public Judgement judge(CaseRun run) {
        ClaimTrace trace = run.trace();
        if (trace.gfsStepsChecked() == 0) {
            return Judgement.notApplicable();
        }
        boolean held = trace.gfsViolations() == 0;
        return Judgement.of(held, trace.gfsMargin(), held ? null : run.command(trace.firstGfsViolation() + 1));
    }
}
