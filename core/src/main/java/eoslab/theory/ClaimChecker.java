package eoslab.theory;

import eoslab.dynamics.GdResult;
import eoslab.dynamics.GdRunner;
import eoslab.dynamics.shallow.ReducedGd;
import eoslab.model.shallow.Landmarks;
import eoslab.model.shallow.VectorPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Runs every case of a {@link CheckGrid} with the exact reduced engine and judges every {@link Claim} on it. Starts
 * run in parallel; results are collected in grid order, so the verdicts do not depend on the thread count.
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
    }

    /**
     * Checks all claims on a grid.
     *
     * @param threads  worker threads (≥ 1)
     * @param progress receives the number of starts finished so far (called from worker threads)
     */
    public static Report check(CheckGrid grid, int threads, IntConsumer progress) {
        List<GridPoint> starts = grid.starts();
        List<List<CaseRun>> perStart = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<List<CaseRun>>> futures = new ArrayList<>();
            java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
            for (GridPoint start : starts) {
                futures.add(pool.submit(() -> {
                    List<CaseRun> runs = runStart(start, grid);
                    progress.accept(done.incrementAndGet());
                    return runs;
                }));
            }
            for (Future<List<CaseRun>> f : futures) {
                perStart.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("check interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("check failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
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
    static List<CaseRun> runStart(GridPoint start, CheckGrid grid) {
        VectorPoint point = start.point();
        Landmarks landmarks = Landmarks.of(start.phi(), point.imbalance());
        List<CaseRun> runs = new ArrayList<>();
        if (!(landmarks.gfSharpness() > 0)) {
            return runs;
        }
        double phi = start.phi();
        double q0 = point.imbalance();
        double eps0 = point.product() - phi;
        double scale = Math.max(Math.abs(phi), Math.max(point.norm(), landmarks.gfSharpness()));
        double roundoff = 64 * Math.ulp(scale);
        for (double c : grid.etaRels()) {
            double eta = landmarks.absoluteStep(c);
            RateBound bound = RateBound.of(phi, eta, q0, eps0);
            boolean checkRate = phi != 0 && eta * Math.abs(eps0) <= Math.sqrt(2.0) && bound.proves();
            ClaimTrace trace = new ClaimTrace(eta, checkRate ? bound.rhoBar() : Double.NaN, roundoff);
            GdResult result = GdRunner.run(ReducedGd.from(phi, eta, point), grid.rule(), List.of(trace));
            runs.add(new CaseRun(start, eta, grid.rule(), result, trace, bound));
        }
        return runs;
    }
}
