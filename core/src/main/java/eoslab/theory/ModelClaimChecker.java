package eoslab.theory;

import eoslab.dynamics.StopRule;
import eoslab.exec.TileExecutor;
import eoslab.measure.GfsTrack;
import eoslab.service.ModelRun;
import eoslab.service.ModelRunService;
import eoslab.service.ModelRuns;
import eoslab.service.ModelStart;
import eoslab.spec.EtaSpec;
import eoslab.spec.RunSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs every case of a {@link ModelCheckGrid} through the generic run service (GD on the flat parameters, the
 * sharpness at the start and the end, the GF-solution sharpness at the start and along GD on
 * {@link GfsTrack#logarithmic} steps up to {@link #GFS_UNTIL} and at the last step) and judges every
 * {@link ModelClaim}. Starts run in parallel; results are
 * collected in grid order, so the verdicts do not depend on the thread count.
 */
public final class ModelClaimChecker {
    /** The GF-solution sharpness is sampled along GD up to this step (then only at the last step). */
    public static final long GFS_UNTIL = 1000;

    private ModelClaimChecker() {
    }

    /**
     * The outcome of a check.
     *
     * @param grid     the grid
     * @param verdicts one per claim, in {@link ModelClaim#all()} order
     * @param runs     GD runs made
     * @param skipped  starts skipped because their gradient flow did not reach the tolerance (no λ_GF, so relative
     *                 steps are undefined)
     */
    public record Report(ModelCheckGrid grid, List<Verdict> verdicts, long runs, int skipped) {
        /** True when some claim failed on some case. */
        public boolean anyFailed() {
            return verdicts.stream().anyMatch(v -> v.failed() > 0);
        }
    }

    /**
     * Checks all claims on a grid.
     *
     * @param threads  worker threads (≥ 1)
     * @param progress receives the number of starts finished so far (called from worker threads)
     */
    public static Report check(ModelCheckGrid grid, int threads, IntConsumer progress) {
        List<RunSpec> starts = grid.starts();
        @SuppressWarnings("unchecked")
        List<ModelCaseRun>[] perStart = new List[starts.size()];
        AtomicInteger done = new AtomicInteger();
        TileExecutor.run(starts.size(), threads, () -> i -> {
            perStart[i] = runStart(starts.get(i), grid);
            progress.accept(done.incrementAndGet());
        }, () -> false);
        List<ModelCaseRun> all = new ArrayList<>();
        int skipped = 0;
        for (List<ModelCaseRun> runs : perStart) {
            all.addAll(runs);
            skipped += runs.isEmpty() ? 1 : 0;
        }
        List<Verdict> verdicts = new ArrayList<>();
        for (ModelClaim claim : ModelClaim.all()) {
            List<Judgement> judgements = new ArrayList<>();
            for (ModelCaseRun run : all) {
                judgements.add(claim.judge(run));
            }
            verdicts.add(Verdict.of(claim, judgements, claim.note(all, judgements)));
        }
        return new Report(grid, verdicts, all.size(), skipped);
    }

    /** All runs of one start, in increasing η (empty when λ_GF is unknown). */
    static List<ModelCaseRun> runStart(RunSpec template, ModelCheckGrid grid) {
        ModelStart start = ModelRuns.start(template.withStop(grid.rule()));
        List<ModelCaseRun> runs = new ArrayList<>();
        if (start.gfs() == null || !(start.gfs().value() > 0)) {
            return runs;
        }
        StopRule given = grid.rule().absolute(start.residualScale());
        StopRule rule = new StopRule(given.maxSteps(), Math.max(given.tol(), start.gfsTolerance()));
        for (double c : grid.etaRels()) {
            ModelRun run = ModelRuns.resolve(template.withEta(new EtaSpec.Relative(c)).withStop(rule), start);
            runs.add(new ModelCaseRun(run, ModelRunService.run(run, null, 1, List.of(), false,
                    GfsTrack.logarithmic(GFS_UNTIL))));
        }
        return runs;
    }
}
