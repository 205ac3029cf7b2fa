package eoslab.theory;

import eoslab.dynamics.RunResult;
import eoslab.dynamics.Runner;
import eoslab.exec.TileExecutor;
import eoslab.model.shallow.Landmarks;
import eoslab.model.shallow.ShallowState;
import eoslab.model.shallow.VectorPoint;
import eoslab.service.ResolvedRun;
import eoslab.service.ResolvedStart;
import eoslab.service.Runs;
import eoslab.spec.EtaSpec;
import eoslab.spec.ProblemSpec;
import eoslab.spec.RunSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs every case of a {@link CheckGrid} through the run service (the exact reduced engine) and judges every
 * {@link Claim} on it. Starts run in parallel on the tile executor; results are collected in grid order, so the
 * verdicts do not depend on the thread count.
 */
public final class ClaimChecker {
    private ClaimChecker() {
    }

    /**
     * The outcome of a check.
     *
     * @param grid     the grid
     * @param verdicts one per claim, in {@link Claim#all()} order
     * @param runs     GD runs made
     * @param skipped  starts skipped because λ_GF = 0 (Φ = 0 and a balanced start: relative steps undefined)
     */
    public record Report(CheckGrid grid, List<Verdict> verdicts, long runs, int skipped) {
        /** True when some claim failed on some case. */
        public boolean anyFailed() {
            return verdicts.stream().anyMatch(v -> v.failed() > 0);
        }

        /** The JSON form that {@code check --json} prints: grid, runs, skipped starts, seconds, claims. */
        public Map<String, Object> describe(double seconds) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("grid", grid.describe());
            m.put("runs", runs);
            m.put("skipped_starts", skipped);
            m.put("seconds", seconds);
            m.put("claims", verdicts.stream().map(Verdict::toMap).toList());
            return m;
        }
    }

    /**
     * Checks all claims on a grid.
     *
     * @param threads  worker threads (≥ 1)
     * @param progress receives the number of starts finished so far (called from worker threads)
     */
    public static Report check(CheckGrid grid, int threads, IntConsumer progress) {
        List<ProblemSpec> starts = grid.starts();
        @SuppressWarnings("unchecked")
        List<CaseRun>[] perStart = new List[starts.size()];
        AtomicInteger done = new AtomicInteger();
        TileExecutor.run(starts.size(), threads, () -> i -> {
            perStart[i] = runStart(starts.get(i), grid);
            progress.accept(done.incrementAndGet());
        }, () -> false);
        List<CaseRun> all = new ArrayList<>();
        int skipped = 0;
        for (List<CaseRun> runs : perStart) {
            all.addAll(runs);
            skipped += runs.isEmpty() ? 1 : 0;
        }
        List<Verdict> verdicts = new ArrayList<>();
        for (Claim claim : Claim.all()) {
            List<Judgement> judgements = new ArrayList<>();
            String note = null;
            if (claim instanceof RunClaim rc) {
                for (CaseRun run : all) {
                    judgements.add(rc.judge(run));
                }
                note = rc.note(all, judgements);
            } else if (claim instanceof SweepClaim sc) {
                for (List<CaseRun> runs : perStart) {
                    judgements.addAll(sc.judge(runs));
                }
            }
            verdicts.add(Verdict.of(claim, judgements, note));
        }
        return new Report(grid, verdicts, all.size(), skipped);
    }

    /** All runs of one start, in increasing η (empty when λ_GF = 0). */
    static List<CaseRun> runStart(ProblemSpec start, CheckGrid grid) {
        ResolvedStart problem = Runs.resolve(start.model(), start.start());
        Landmarks landmarks = problem.landmarks();
        List<CaseRun> runs = new ArrayList<>();
        if (!(landmarks.gfSharpness() > 0)) {
            return runs;
        }
        VectorPoint point = problem.point();
        double phi = problem.phi();
        double q0 = point.imbalance();
        double eps0 = point.product() - phi;
        double scale = Math.max(Math.abs(phi), Math.max(point.norm(), landmarks.gfSharpness()));
        double roundoff = 64 * Math.ulp(scale);
        RunSettings settings = RunSettings.gd(grid.rule());
        for (double c : grid.etaRels()) {
            ResolvedRun run = Runs.resolve(start.run(new EtaSpec.Relative(c), settings), problem);
            double eta = run.eta();
            RateBound bound = RateBound.of(phi, eta, q0, eps0);
            boolean checkRate = phi != 0 && eta * Math.abs(eps0) <= Math.sqrt(2.0) && bound.proves();
            ClaimTrace trace = new ClaimTrace(eta, checkRate ? bound.rhoBar() : Double.NaN, roundoff);
            RunResult<ShallowState> result = Runner.run(run.stepper(), grid.rule(), List.of(trace));
            runs.add(new CaseRun(run, result, trace, bound));
        }
        return runs;
    }
}
