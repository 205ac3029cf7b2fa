package eoslab.theory;

import eoslab.dynamics.RunResult;
import eoslab.dynamics.Runner;
import eoslab.exec.TileExecutor;
import eoslab.exec.TiledJob;
import eoslab.model.shallow.Landmarks;
import eoslab.model.shallow.ShallowState;
import eoslab.model.shallow.VectorPoint;
import eoslab.service.ResolvedRun;
import eoslab.service.ResolvedStart;
import eoslab.service.Runs;
import eoslab.spec.EtaSpec;
import eoslab.spec.ProblemSpec;
import eoslab.spec.RunSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs every case of a {@link CheckGrid} through the run service (the exact reduced engine) and judges every
 * {@link Claim} on it. Starts run in parallel on the tile executor; results are collected in grid order, so the
 * verdicts do not depend on the thread count. An {@link ExperimentClaim} makes its own runs once per check, from the
 * grid's targets, when the report is assembled.
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
     * What one start contributes to a check: its number of runs (0 when λ_GF = 0 and the start is skipped) and, per
     * claim in {@link Claim#all()} order, the tally of its judgements and its remark.
     *
     * @param runs    runs made
     * @param tallies one per claim
     * @param remarks one per claim (null entries: none)
     */
    public record StartResult(int runs, List<Verdict.Tally> tallies, List<RunClaim.Remark> remarks) {
        /** The result as bytes (big-endian; doubles bit-exact, strings UTF-8 with a −1 length for null). */
        public byte[] encode() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(runs);
                out.writeInt(tallies.size());
                for (int k = 0; k < tallies.size(); k++) {
                    Verdict.Tally t = tallies.get(k);
                    out.writeLong(t.tried());
                    out.writeLong(t.applicable());
                    out.writeLong(t.held());
                    out.writeLong(t.failed());
                    out.writeLong(t.inconclusive());
                    out.writeDouble(t.worst());
                    out.writeDouble(t.worstFailure());
                    string(out, t.counterexample());
                    RunClaim.Remark r = remarks.get(k);
                    out.writeBoolean(r != null);
                    if (r != null) {
                        out.writeDouble(r.rank());
                        string(out, r.text());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }

        /** The result encoded by {@link #encode}. */
        public static StartResult decode(byte[] bytes) {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
                int runs = in.readInt();
                int n = in.readInt();
                List<Verdict.Tally> tallies = new ArrayList<>();
                List<RunClaim.Remark> remarks = new ArrayList<>();
                for (int k = 0; k < n; k++) {
                    tallies.add(new Verdict.Tally(in.readLong(), in.readLong(), in.readLong(), in.readLong(),
                            in.readLong(), in.readDouble(), in.readDouble(), string(in)));
                    remarks.add(in.readBoolean() ? new RunClaim.Remark(in.readDouble(), string(in)) : null);
                }
                return new StartResult(runs, tallies, remarks);
            } catch (IOException e) {
                throw new IllegalArgumentException("malformed check tile", e);
            }
        }

        private static void string(DataOutputStream out, String s) throws IOException {
            if (s == null) {
                out.writeInt(-1);
            } else {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                out.writeInt(b.length);
                out.write(b);
            }
        }

        private static String string(DataInputStream in) throws IOException {
            int n = in.readInt();
            if (n < 0) {
                return null;
            }
            byte[] b = new byte[n];
            in.readFully(b);
            return new String(b, StandardCharsets.UTF_8);
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
        StartResult[] results = new StartResult[starts.size()];
        AtomicInteger done = new AtomicInteger();
        TileExecutor.run(starts.size(), threads, () -> i -> {
            results[i] = start(grid, i);
            progress.accept(done.incrementAndGet());
        }, () -> false);
        return report(grid, List.of(results));
    }

    /** The contribution of start i of the grid (the tile i of a check). */
    public static StartResult start(CheckGrid grid, int i) {
        List<CaseRun> runs = runStart(grid.starts().get(i), grid);
        List<Verdict.Tally> tallies = new ArrayList<>();
        List<RunClaim.Remark> remarks = new ArrayList<>();
        for (Claim claim : Claim.all()) {
            List<Judgement> judgements = new ArrayList<>();
            RunClaim.Remark remark = null;
            if (claim instanceof RunClaim rc) {
                for (CaseRun run : runs) {
                    judgements.add(rc.judge(run));
                }
                remark = rc.note(runs, judgements);
            } else if (claim instanceof SweepClaim sc) {
                judgements.addAll(sc.judge(runs));
            }
            // an experiment runs once per check, in report()
            tallies.add(Verdict.Tally.of(judgements));
            remarks.add(remark);
        }
        return new StartResult(runs.size(), tallies, remarks);
    }

    /** The report of a grid from the contributions of all its starts, in start order. */
    public static Report report(CheckGrid grid, List<StartResult> results) {
        List<Claim> claims = Claim.all();
        List<Verdict> verdicts = new ArrayList<>();
        long runs = 0;
        int skipped = 0;
        for (StartResult r : results) {
            runs += r.runs();
            skipped += r.runs() == 0 ? 1 : 0;
        }
        for (int k = 0; k < claims.size(); k++) {
            if (claims.get(k) instanceof ExperimentClaim ec) {
                ExperimentClaim.Evidence e = ec.judge(targets(grid.starts()), grid.rule());
                verdicts.add(Verdict.of(ec, e.judgements(), e.note()));
                continue;
            }
            Verdict.Tally tally = Verdict.Tally.EMPTY;
            RunClaim.Remark remark = null;
            for (StartResult r : results) {
                tally = tally.plus(r.tallies().get(k));
                remark = RunClaim.Remark.better(remark, r.remarks().get(k));
            }
            verdicts.add(Verdict.of(claims.get(k), tally, remark == null ? null : remark.text()));
        }
        return new Report(grid, verdicts, runs, skipped);
    }

    /** The check as a {@link TiledJob}: tile i is start i, its result {@link StartResult#encode}. */
    public static TiledJob job(CheckGrid grid) {
        return new TiledJob() {
            @Override
            public int tiles() {
                return grid.starts().size();
            }

            @Override
            public long units(int t) {
                return grid.etaRels().length;
            }

            @Override
            public Worker worker() {
                return t -> start(grid, t).encode();
            }
        };
    }

    /** The report assembled from the encoded results of all starts (indexed by start). */
    public static Report assemble(CheckGrid grid, byte[][] results) {
        List<StartResult> r = new ArrayList<>();
        for (byte[] b : results) {
            r.add(StartResult.decode(b));
        }
        return report(grid, r);
    }

    /** The distinct targets Φ of the starts, in order of first appearance. */
    private static List<Double> targets(List<ProblemSpec> starts) {
        List<Double> phis = new ArrayList<>();
        for (ProblemSpec p : starts) {
            double phi = Runs.resolve(p.model(), p.start()).phi();
            if (!phis.contains(phi)) {
                phis.add(phi);
            }
        }
        return phis;
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
            RunResult<ShallowState> result = Runner.run(run.stepper(), run.stop(), List.of(trace));
            runs.add(new CaseRun(run, result, trace, bound));
        }
        return runs;
    }
}
