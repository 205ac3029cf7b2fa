package eoslab.theory;

import java.util.List;
import java.util.Locale;

/**
 * The monotonicity of the GF-solution sharpness along GD (Kreisler et al. 2023) as it holds here: inside the
 * convergence region it needs η|ε_t| ≤ √2 at every step (models.md §1.4).
 */
public final class KreislerClaim implements RunClaim {
    private static final double SQRT2 = Math.sqrt(2.0);

    @Override
    public String id() {
        return "kreisler";
    }

    @Override
    public String title() {
        return "Inside the convergence region the GF-solution sharpness never rises, given η|ε_t| ≤ √2";
    }

    @Override
    public String statement() {
        return "If η < η* (GD converges) and η|ε_t| ≤ √2 at every step, then the sharpness √(4Φ² + Q_t²) of the GF "
                + "solution from the iterate is non-increasing along the whole run (Kreisler et al. 2023, for scalar "
                + "networks; here Q_{t+1} = |1 − η²ε_t²|·Q_t). The second hypothesis cannot be dropped: converging "
                + "runs with a step where η|ε_t| > √2 raise it (the note counts them and gives one). Judged up to "
                + ClaimTrace.IMBALANCE_ULPS + " relative rounding per step. Margin: the smallest relative decrease "
                + "of Q over the run.";
    }

    @Override
    public List<String> hypotheses() {
        return List.of("η < η*", "η|ε_t| ≤ √2 at every step", "Q0 ≠ 0");
    }

    @Override
    public double roundingAllowance() {
        return ClaimTrace.IMBALANCE_ULPS;
    }

    @Override
    public Judgement judge(CaseRun run) {
        ClaimTrace trace = run.trace();
        if (!(run.eta() < run.landmarks().criticalEta()) || trace.maxEtaResidual() > SQRT2
                || trace.gfsStepsChecked() == 0) {
            return Judgement.notApplicable();
        }
        boolean held = trace.gfsIncreases() == 0;
        return Judgement.of(held, trace.gfsMargin(), held ? null : run.command(trace.firstGfsIncrease() + 1));
    }

    /**
     * Where the hypothesis η|ε_t| ≤ √2 is needed: the first run of a start inside the convergence region (η &lt; η*)
     * that raises the GF-solution sharpness at a step with η|ε_t| &gt; √2, with the number of such runs of that start
     * as the rank (the start with most of them is reported); else none.
     */
    @Override
    public Remark note(List<CaseRun> runs, List<Judgement> judgements) {
        CaseRun example = null;
        long count = 0;
        for (CaseRun r : runs) {
            if (r.eta() < r.landmarks().criticalEta() && r.trace().gfsIncreases() > 0
                    && r.trace().maxEtaResidual() > SQRT2) {
                count++;
                if (example == null) {
                    example = r;
                }
            }
        }
        if (example == null) {
            return null;
        }
        return new Remark(count, String.format(Locale.ROOT, "without the hypothesis η|ε_t| ≤ √2 it fails: inside the "
                + "convergence region (η < η*), %d run(s) of one start raise the GF-solution sharpness at a step with "
                + "η|ε_t| > √2, e.g. at step %d of %s", count, example.trace().firstGfsIncrease(),
                example.command(example.trace().firstGfsIncrease() + 1)));
    }
}
