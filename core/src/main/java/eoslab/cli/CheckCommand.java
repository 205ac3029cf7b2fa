package eoslab.cli;

import eoslab.dynamics.Precision;
import eoslab.dynamics.StopRule;
import eoslab.exec.TileShare;
import eoslab.exec.TiledJob;
import eoslab.grid.Ranges;
import eoslab.io.Json;
import eoslab.spec.MethodSpec;
import eoslab.spec.ScheduleSpec;
import eoslab.service.Runs;
import eoslab.spec.ProblemSpec;
import eoslab.theory.CheckGrid;
import eoslab.theory.ClaimChecker;
import eoslab.theory.ModelCheckGrid;
import eoslab.theory.ModelClaimChecker;
import eoslab.theory.MethodChecker;
import eoslab.theory.Verdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code eoslab check}: each claim of docs/claims.md, in checkable form, judged over a grid of exact GD runs. */
@Command(name = "check", mixinStandardHelpOptions = true, header = "Verdicts on the paper's claims over a grid, with counterexamples.", sortOptions = false,
        description = {"Check each claim (docs/claims.md 1–5 and the GF-solution-sharpness monotonicity of docs/model.md §7) over a "
                + "grid of starts × step sizes, on exact GD runs (reduced engine).",
                "--model linear|diagonal: the network claims (a)–(d) over a grid of starts, widths, depths and relative "
                        + "steps (built-in: scalar chains of depth 2–4, matrix factorizations, a depth-3 network; "
                        + "sparse problems for diagonal); user grids: --phi, --depth, --width, --scale, --seed "
                        + "(linear) or --sparse, --noise, --seed, --alpha (diagonal), and --eta-rel.",
                "Without grid options the built-in grid is used; any grid option gives a user grid (the other "
                        + "dimensions keep their built-in values).",
                "Grid syntax: " + Ranges.SYNTAX + ", e.g. --eta-rel 0.05:1.9:500 or --m0 0,0.5,1:2:3.",
                "Per claim: statement, hypotheses, cases tried, applicable (hypotheses held), held, failed, "
                        + "inconclusive, worst margin and, for a failure, the exact ./eoslab run command that shows it.",
                "With --method, --beta or --schedule: the method claims m1–m3 instead (the method ends flatter than GF, "
                        + "its limit is below its stability edge 2κ/η, and a warm-up ends flatter than a constant step "
                        + "at the same target η), each case run with a constant step and with --schedule warmup:K "
                        + "(default warmup:" + CheckCommand.DEFAULT_WARMUP + "); without --eta-rel the relative steps "
                        + "span [" + CheckGrid.ETA_REL_MIN + "κ, " + CheckGrid.ETA_REL_MAX + "κ].",
                "Exit code 0 when the check ran (verdicts are data); with --strict, 1 if any claim failed."})
final class CheckCommand extends BaseCommand implements Tiling.TiledCommand {
    /** Warm-up length of the method check when no --schedule warmup:K is given. */
    static final long DEFAULT_WARMUP = 100;

    @Option(names = "--phi", paramLabel = "Φ…", description = "Targets Φ (grid syntax; default: the built-in starts' Φ).")
    String phi;

    @Option(names = "--m0", paramLabel = "m…", description = "Canonical starts: products aᵀb (grid syntax; with --lambda0).")
    String m0;

    @Option(names = "--lambda0", paramLabel = "λ…",
            description = "Canonical starts: norms ‖a‖² + ‖b‖² (grid syntax; with --m0; pairs with λ < 2|m| are skipped).")
    String lambda0;

    @Option(names = "--scale", paramLabel = "σ…", description = "Gaussian starts: scales σ (grid syntax; with --width).")
    String scale;

    @Option(names = "--width", paramLabel = "d…",
            description = "Gaussian starts: widths d (grid syntax, rounded to integers; default 1 with --scale); with "
                    + "--model linear the width of every hidden layer.")
    String width;

    @Option(names = "--seed", paramLabel = "n,…", split = ",",
            description = "Gaussian starts: seeds (comma-separated; default 42).")
    long[] seeds;

    @Option(names = "--eta-rel", paramLabel = "c…",
            description = "Relative steps c, η = c·2/λ_GF (grid syntax; default "
                    + CheckGrid.ETA_REL_MIN + ":" + CheckGrid.ETA_REL_MAX + ":" + CheckGrid.DEFAULT_ETA_COUNT + ").")
    String etaRel;

    @Mixin
    StopOptions stop;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--json", description = "Print one JSON object with the grid and a claims array.")
    boolean json;

    @Option(names = "--model", paramLabel = "shallow|linear|diagonal",
            description = "shallow (default): claims 1–5 and the GF-sharpness monotonicity on exact GD; linear or "
                    + "diagonal: the network claims (a) flatter than GF, (b) below 2/η, (c) GF-solution sharpness "
                    + "non-increasing along GD, (d) the scalar chain's flattest minimum D·|Φ|^(2−2/D).")
    String model;

    @Option(names = "--depth", paramLabel = "D…",
            description = "check --model linear: depths (grid syntax, rounded; default 2 in a user grid).")
    String depth;

    @Option(names = "--sparse", paramLabel = "n,p,s", split = ",",
            description = "check --model diagonal: the generated sparse problem (default 20,40,3 in a user grid).")
    int[] sparse;

    @Option(names = "--noise", paramLabel = "σ",
            description = "check --model diagonal: noise of --sparse (default 0).")
    Double noise;

    @Option(names = "--alpha", paramLabel = "α…",
            description = "check --model diagonal: start scales α of u = v = α1 (grid syntax; default 0.1,0.3).")
    String alpha;

    @Option(names = "--strict", description = "Exit with code 1 if any claim failed on any case.")
    boolean strict;

    @Option(names = "--out", paramLabel = "FILE.json",
            description = "Also write the verdicts as JSON (grid, runs, skipped_starts, claims: the --json object "
                    + "without seconds) plus its manifest (default: none).")
    Path outFile;

    @Mixin
    ForceOption force;

    @Mixin
    TileOption tile;

    @ArgGroup(validate = false, heading = "%nMethod (selects the method claims m1–m3):%n")
    MethodOptions method;

    @Override
    public Integer call() {
        String family = model == null ? "shallow" : model;
        MethodOptions mo = MethodOptions.orNone(method);
        if (!family.equals("shallow")) {
            if (mo.given()) {
                throw new UsageException("--method and --schedule apply to check --model shallow");
            }
            return network(family);
        }
        if (mo.given()) {
            return methodCheck(mo);
        }
        Tiling.Prepared prepared = prepare();
        TileShare share = tile.share();
        if (share != null) {
            if (outFile == null) {
                throw new UsageException("--tile needs --out FILE.json (the merged result)");
            }
            Tiling.writePart(prepared, share, threads.count(), force.force, argv(), out(), err());
            return 0;
        }
        CheckGrid grid = grid();
        long below = 0;
        for (ProblemSpec p : grid.starts()) {
            if (Runs.resolve(p.model(), p.start()).belowResolution(grid.rule(), Precision.DOUBLE)) {
                below += grid.etaRels().length;
            }
        }
        warnTolerance(below, grid.cases());
        int n = threads.count();
        int total = grid.starts().size();
        err().printf(Locale.ROOT, "check: %s grid, %d starts × %d step sizes = %d runs%n", grid.name(), total,
                grid.etaRels().length, grid.cases());
        err().flush();
        long t0 = System.nanoTime();
        ClaimChecker.Report report = ClaimChecker.check(grid, n, done -> {
            if (done * 4 / total != (done - 1) * 4 / total || done == total) {
                synchronized (this) {
                    err().printf(Locale.ROOT, "check: %d/%d starts done%n", done, total);
                    err().flush();
                }
            }
        });
        finish(report, outFile, (System.nanoTime() - t0) / 1e9, null);
        return strict && report.anyFailed() ? 1 : 0;
    }

    /**
     * The method claims: every case with a constant step and with the warm-up of --schedule warmup:K (default
     * {@value #DEFAULT_WARMUP} steps from 0); without --eta-rel the built-in relative steps scaled by κ.
     */
    private int methodCheck(MethodOptions mo) {
        if (tile.share() != null) {
            throw new UsageException("check --method runs on one machine; --tile applies to the claims 1–5");
        }
        MethodSpec methodSpec = mo.spec();
        ScheduleSpec.Warmup warmup;
        if (methodSpec.schedule() instanceof ScheduleSpec.Warmup w) {
            warmup = w;
        } else if (methodSpec.schedule() instanceof ScheduleSpec.Constant) {
            warmup = new ScheduleSpec.Warmup(DEFAULT_WARMUP, 0.0);
        } else {
            throw new UsageException("check: --schedule must be warmup:K (the warm-up the method claims compare "
                    + "with a constant step)");
        }
        CheckGrid grid = grid(methodSpec.method(1.0).edgeFactor());
        checkOut();
        int n = threads.count();
        int total = grid.starts().size();
        err().printf(Locale.ROOT, "check: %s grid, %d starts × %d step sizes = %d cases (each run with a constant "
                + "step and with a warm-up)%n", grid.name(), total, grid.etaRels().length, grid.cases());
        err().flush();
        long t0 = System.nanoTime();
        ClaimChecker.Report report = MethodChecker.check(grid, methodSpec, warmup, n, done -> {
            if (done * 4 / total != (done - 1) * 4 / total || done == total) {
                synchronized (this) {
                    err().printf(Locale.ROOT, "check: %d/%d starts done%n", done, total);
                    err().flush();
                }
            }
        });
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("method", methodSpec.withSchedule(ScheduleSpec.CONSTANT).describe());
        extra.put("warmup", warmup.describe());
        if (!json) {
            out().print(String.format(Locale.ROOT, "method: %s, each case with a constant step and with --schedule "
                    + "%s%s%n", describe(methodSpec), warmup.label(), warmup.etaStart() == 0 ? ""
                    : " --eta-start " + warmup.etaStart()));
        }
        finish(report, outFile, (System.nanoTime() - t0) / 1e9, extra);
        return strict && report.anyFailed() ? 1 : 0;
    }

    private static String describe(MethodSpec m) {
        return m.hasMomentum() ? m.name() + " (β = " + m.beta() + ")" : m.name();
    }

    private void checkOut() {
        if (outFile != null) {
            plan(List.of(outFile), force.force).close();
        }
    }

    @Override
    public Tiling.Prepared prepare() {
        CheckGrid grid = grid();
        threads.count();
        checkOut();
        Map<String, Object> identity = grid.describe();
        return Tiling.Prepared.of("check", () -> ClaimChecker.job(grid), identity,
                outFile == null ? null : outFile.toString(), (results, file, seconds) ->
                        finish(ClaimChecker.assemble(grid, results), Path.of(file), seconds, null));
    }

    /**
     * Prints the report and writes its file (when there is one).
     *
     * @param extra entries added to the JSON forms (the method and warm-up of a method check), or null
     */
    private List<Path> finish(ClaimChecker.Report report, Path file, double seconds, Map<String, Object> extra) {
        List<Path> files = new ArrayList<>();
        if (file != null) {
            Path o = file.toAbsolutePath();
            Map<String, Object> m = result(report);
            if (extra != null) {
                m.putAll(extra);
            }
            writeResult(o, force.force, report.grid().describe(), null, w -> {
                w.write(Json.pretty(m) + "\n");
                return null;
            });
            files.add(o);
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>(report.describe(seconds));
            if (extra != null) {
                m.putAll(extra);
            }
            out().println(Json.compact(m));
        } else {
            out().print(text(report, seconds));
        }
        out().flush();
        return files;
    }

    /** The verdicts as the file holds them: the {@code --json} object without the time. */
    private static Map<String, Object> result(ClaimChecker.Report report) {
        Map<String, Object> m = report.describe(0);
        m.remove("seconds");
        return m;
    }

    private int network(String family) {
        if (!family.equals("linear") && !family.equals("diagonal")) {
            throw new UsageException("--model must be shallow, linear or diagonal, got '" + family + "'");
        }
        if (m0 != null || lambda0 != null) {
            throw new UsageException((m0 != null ? "--m0" : "--lambda0") + " applies to check --model shallow");
        }
        if (tile.share() != null) {
            throw new UsageException("--tile applies to check --model shallow");
        }
        Path file = outFile == null ? null : outFile.toAbsolutePath();
        if (file != null) {
            plan(List.of(file), force.force).close();
        }
        StopRule rule = stop.rule();
        requireAtLeast("--steps", rule.maxSteps(), 1);
        ModelCheckGrid grid;
        try {
            grid = ModelCheckGrid.of(family, values("--phi", phi), values("--depth", depth), values("--width", width),
                    values("--scale", scale), seeds, sparse, noise == null ? 0 : noise, values("--alpha", alpha),
                    values("--eta-rel", etaRel), rule);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        int n = threads.count();
        int total = grid.starts().size();
        err().printf(Locale.ROOT, "check: %s %s grid, %d starts × %d step sizes = %d runs%n", grid.name(), family,
                total, grid.etaRels().length, grid.cases());
        err().flush();
        long t0 = System.nanoTime();
        ModelClaimChecker.Report report = ModelClaimChecker.check(grid, n, done -> {
            if (done * 4 / total != (done - 1) * 4 / total || done == total) {
                synchronized (this) {
                    err().printf(Locale.ROOT, "check: %d/%d starts done%n", done, total);
                    err().flush();
                }
            }
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("grid", grid.describe());
        m.put("runs", report.runs());
        m.put("skipped_starts", report.skipped());
        m.put("claims", report.verdicts().stream().map(Verdict::toMap).toList());
        if (file != null) {
            writeResult(file, force.force, grid.describe(), null, w -> {
                w.write(Json.pretty(m) + "\n");
                return null;
            });
        }
        if (json) {
            Map<String, Object> timed = new LinkedHashMap<>(m);
            timed.put("seconds", seconds);
            out().println(Json.compact(timed));
        } else {
            ModelCheckGrid g = report.grid();
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                    "eoslab check --model %s: %s grid, %d starts × %d step sizes η = c·2/λ_GF with c in [%s, %s]: %d "
                            + "runs (budget %d steps, %s %s) in %.1f s%n",
                    family, g.name(), g.starts().size(), g.etaRels().length, (float) g.etaRels()[0],
                    (float) g.etaRels()[g.etaRels().length - 1], report.runs(), g.rule().maxSteps(),
                    g.rule().relative() ? "tol-rel" : "tol", (float) g.rule().tol(), seconds));
            if (report.skipped() > 0) {
                sb.append(report.skipped()).append(" start(s) skipped: their gradient flow did not reach the "
                        + "tolerance, so relative steps are undefined\n");
            }
            verdicts(sb, report.verdicts());
            out().print(sb);
        }
        out().flush();
        return strict && report.anyFailed() ? 1 : 0;
    }

    /** The human-readable report. */
    static String text(ClaimChecker.Report report, double seconds) {
        CheckGrid g = report.grid();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT,
                "eoslab check: %s grid, %d starts × %d step sizes η = c·2/λ_GF with c in [%s, %s]: %d runs "
                        + "(budget %d steps, tol %s) in %.1f s%n",
                g.name(), g.starts().size(), g.etaRels().length, brief(g.etaRels()[0]),
                brief(g.etaRels()[g.etaRels().length - 1]), report.runs(), g.rule().maxSteps(),
                brief(g.rule().tol()) + (g.rule().relative() ? " relative: ·|Φ|, ·λ0 at Φ = 0" : ""), seconds));
        if (report.skipped() > 0) {
            sb.append(report.skipped()).append(" start(s) skipped: λ_GF = 0, so relative steps are undefined\n");
        }
        verdicts(sb, report.verdicts());
        return sb.toString();
    }

    private static void verdicts(StringBuilder sb, List<Verdict> verdicts) {
        for (Verdict v : verdicts) {
            sb.append('\n').append(String.format(Locale.ROOT, "Claim %s: %s  [%s]%n", v.claim().id(),
                    v.claim().title(), v.outcome().toUpperCase(Locale.ROOT)));
            sb.append("  statement:  ").append(v.claim().statement()).append('\n');
            sb.append("  hypotheses: ").append(String.join("; ", v.claim().hypotheses())).append('\n');
            sb.append(String.format(Locale.ROOT,
                    "  tried %d, applicable %d, held %d, failed %d, inconclusive %d, worst margin %s%s%n", v.tried(),
                    v.applicable(), v.held(), v.failed(), v.inconclusive(),
                    Double.isNaN(v.worstMargin()) ? "-" : String.format(Locale.ROOT, "%.3g", v.worstMargin()),
                    v.worstMarginIsRounding() ? String.format(Locale.ROOT, " (rounding: within the allowance %.3g)",
                            v.claim().roundingAllowance()) : ""));
            if (v.counterexample() != null) {
                sb.append("  counterexample: ").append(v.counterexample()).append('\n');
            }
            if (v.note() != null) {
                sb.append("  note: ").append(v.note()).append('\n');
            }
        }
    }

    /** A number in 7 significant digits, or all of them when it is beyond float's range. */
    private static String brief(double v) {
        float f = (float) v;
        return Float.isFinite(f) && (f != 0 || v == 0) ? Float.toString(f) : Double.toString(v);
    }

    /** The grid of the options (the built-in one when none is given). */
    CheckGrid grid() {
        return grid(1.0);
    }

    /** The grid; without --eta-rel the built-in relative steps are scaled by the method's edge factor κ. */
    private CheckGrid grid(double kappa) {
        if (model != null && !model.equals("shallow")) {
            throw new UsageException("--model " + model + ": check runs whole in one process (no --tile, no API)");
        }
        if (depth != null || sparse != null || alpha != null || noise != null) {
            throw new UsageException((depth != null ? "--depth" : sparse != null ? "--sparse" : alpha != null
                    ? "--alpha" : "--noise") + " applies to check --model linear|diagonal");
        }
        StopRule rule = stop.rule();
        requireAtLeast("--steps", rule.maxSteps(), 1);
        try {
            CheckGrid g = CheckGrid.of(values("--phi", phi), values("--m0", m0), values("--lambda0", lambda0),
                    values("--scale", scale), values("--width", width), seeds, values("--eta-rel", etaRel), rule);
            if (etaRel != null || kappa == 1.0) {
                return g;
            }
            double[] c = g.etaRels().clone();
            for (int i = 0; i < c.length; i++) {
                c[i] *= kappa;
            }
            return new CheckGrid(g.name(), g.starts(), c, rule);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static double[] values(String option, String text) {
        return text == null ? null : Ranges.parse(option, text);
    }
}
