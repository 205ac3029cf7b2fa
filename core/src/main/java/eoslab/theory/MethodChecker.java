package eoslab.theory;

import eoslab.dynamics.Engine;
import eoslab.dynamics.Precision;
import eoslab.dynamics.RunResult;
import eoslab.dynamics.Runner;
import eoslab.exec.TileExecutor;
import eoslab.model.shallow.ShallowState;
import eoslab.service.ResolvedRun;
import eoslab.service.ResolvedStart;
import eoslab.service.Runs;
import eoslab.spec.EtaSpec;
import eoslab.spec.MethodSpec;
import eoslab.spec.ProblemSpec;
import eoslab.spec.RunSettings;
import eoslab.spec.ScheduleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The check of {@code eoslab check --method …}: every case of a {@link CheckGrid} is run twice through the run service,
 * with the method at a constant step η = c·2/λ_GF and with the same method warmed up to the same target η, and the
 * claims of {@link Claim#forMethods()} are judged on them. Starts run in parallel; results are collected in grid
 * order, so the verdicts do not depend on the thread count.
 */
public final class MethodChecker {
    private MethodChecker() {
    }

    /**
     * Checks the method claims on a grid.
     *
     * @param method   the method (its schedule is ignored: the constant runs use a constant step)
     * @param warmup   the warm-up schedule of the second run of every case
     * @param threads  worker threads (≥ 1)
     * @param progress receives the number of starts finished so far (called from worker threads)
     */
    public static ClaimChecker.Report check(CheckGrid grid, MethodSpec method, ScheduleSpec.Warmup warmup,
                                            int threads, IntConsumer progress) {
        List<ProblemSpec> starts = grid.starts();
        RunSettings constant = new RunSettings(method.withSchedule(ScheduleSpec.CONSTANT), grid.rule(),
                Engine.AUTO, Precision.DOUBLE);
        RunSettings warm = new RunSettings(method.withSchedule(warmup), grid.rule(), Engine.AUTO,
                Precision.DOUBLE);
        @SuppressWarnings("unchecked")
        List<CaseRun[]>[] perStart = new List[starts.size()];
        AtomicInteger done = new AtomicInteger();
        TileExecutor.run(starts.size(), threads, () -> i -> {
            perStart[i] = runStart(starts.get(i), grid, constant, warm);
            progress.accept(done.incrementAndGet());
        }, () -> false);
        List<CaseRun[]> all = new ArrayList<>();
        int skipped = 0;
        for (List<CaseRun[]> runs : perStart) {
            all.addAll(runs);
            skipped += runs.isEmpty() ? 1 : 0;
        }
        List<CaseRun> constantRuns = all.stream().map(p -> p[0]).toList();
        List<Verdict> verdicts = new ArrayList<>();
        for (Claim claim : Claim.forMethods()) {
            List<Judgement> judgements = new ArrayList<>();
            String note = null;
            if (claim instanceof RunClaim rc) {
                for (CaseRun run : constantRuns) {
                    judgements.add(rc.judge(run));
                }
                RunClaim.Remark remark = rc.note(constantRuns, judgements);
                note = remark == null ? null : remark.text();
            } else if (claim instanceof PairClaim pc) {
                for (CaseRun[] pair : all) {
                    judgements.add(pc.judge(pair[0], pair[1]));
                }
                note = pc.note(all, judgements);
            }
            verdicts.add(Verdict.of(claim, judgements, note));
        }
        return new ClaimChecker.Report(grid, verdicts, 2L * all.size(), skipped);
    }

    /** The pairs (constant, warm-up) of one start, in increasing η (empty when λ_GF = 0). */
    private static List<CaseRun[]> runStart(ProblemSpec start, CheckGrid grid, RunSettings constant,
                                            RunSettings warm) {
        ResolvedStart problem = Runs.resolve(start.model(), start.start());
        List<CaseRun[]> runs = new ArrayList<>();
        if (!(problem.landmarks().gfSharpness() > 0)) {
            return runs;
        }
        for (double c : grid.etaRels()) {
            EtaSpec eta = new EtaSpec.Relative(c);
            runs.add(new CaseRun[] {run(Runs.resolve(start.run(eta, constant), problem), grid),
                run(Runs.resolve(start.run(eta, warm), problem), grid)});
        }
        return runs;
    }

    private static CaseRun run(ResolvedRun run, CheckGrid grid) {
        ClaimTrace trace = new ClaimTrace(run.eta(), Double.NaN, 0.0);
        RunResult<ShallowState> result = Runner.run(run.stepper(), grid.rule(), List.of(trace));
        return new CaseRun(run, result, trace, null);
    }
}
