package eoslab.cli;

import eoslab.dynamics.StopRule;
import eoslab.grid.Ranges;
import eoslab.io.Json;
import eoslab.spec.StartSpec;
import eoslab.theory.CheckGrid;
import eoslab.theory.ClaimChecker;
import eoslab.theory.GridPoint;
import eoslab.theory.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code eoslab check}: each claim of claims.md, in checkable form, judged over a grid of exact GD runs. */
@Command(name = "check", mixinStandardHelpOptions = true, header = "Verdicts on the paper's claims over a grid, with counterexamples.", sortOptions = false,
        description = {"Check each claim (claims.md 1–5 and the GF-solution-sharpness monotonicity of model.md §7) over a "
                + "grid of starts × step sizes, on exact GD runs (reduced engine).",
                "Without grid options the built-in grid is used; any grid option gives a user grid (the other "
                        + "dimensions keep their built-in values).",
                "Grid syntax: " + Ranges.SYNTAX + ", e.g. --eta-rel 0.05:1.9:500 or --m0 0,0.5,1:2:3.",
                "Per claim: statement, hypotheses, cases tried, applicable (hypotheses held), held, failed, "
                        + "inconclusive, worst margin and, for a failure, the exact ./eoslab run command that shows it.",
                "Exit code 0 when the check ran (verdicts are data); with --strict, 1 if any claim failed."})
final class CheckCommand extends BaseCommand {
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
            description = "Gaussian starts: widths d (grid syntax, rounded to integers; default 1 with --scale).")
    String width;

    @Option(names = "--seed", paramLabel = "n,…", split = ",",
            description = "Gaussian starts: seeds (comma-separated; default 42).")
    long[] seeds;

    @Option(names = "--eta-rel", paramLabel = "c…",
            description = "Relative steps c, η = c·2/λ_GF (grid syntax; default "
                    + CheckGrid.ETA_REL_MIN + ":" + CheckGrid.ETA_REL_MAX + ":" + CheckGrid.DEFAULT_ETA_COUNT + ").")
    String etaRel;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "100000",
            description = "Step budget of every run (default ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--tol", paramLabel = "τ", defaultValue = "1e-12",
            description = "Converged when |ε| <= τ (default ${DEFAULT-VALUE}).")
    double tol;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--json", description = "Print one JSON object with the grid and a claims array.")
    boolean json;

    @Option(names = "--strict", description = "Exit with code 1 if any claim failed on any case.")
    boolean strict;

    @Override
    public Integer call() {
        CheckGrid grid = grid();
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
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("grid", grid.describe());
            m.put("runs", report.runs());
            m.put("skipped_starts", report.skipped());
            m.put("seconds", seconds);
            m.put("claims", report.verdicts().stream().map(Verdict::toMap).toList());
            out().println(Json.compact(m));
        } else {
            out().print(text(report, seconds));
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
                g.name(), g.starts().size(), g.etaRels().length, (float) g.etaRels()[0],
                (float) g.etaRels()[g.etaRels().length - 1], report.runs(), g.rule().maxSteps(),
                (float) g.rule().tol(), seconds));
        if (report.skipped() > 0) {
            sb.append(report.skipped()).append(" start(s) skipped: λ_GF = 0, so relative steps are undefined\n");
        }
        for (Verdict v : report.verdicts()) {
            sb.append('\n').append(String.format(Locale.ROOT, "Claim %s: %s  [%s]%n", v.claim().id(),
                    v.claim().title(), v.outcome().toUpperCase(Locale.ROOT)));
            sb.append("  statement:  ").append(v.claim().statement()).append('\n');
            sb.append("  hypotheses: ").append(String.join("; ", v.claim().hypotheses())).append('\n');
            sb.append(String.format(Locale.ROOT,
                    "  tried %d, applicable %d, held %d, failed %d, inconclusive %d, worst margin %s%n", v.tried(),
                    v.applicable(), v.held(), v.failed(), v.inconclusive(),
                    Double.isNaN(v.worstMargin()) ? "-" : String.format(Locale.ROOT, "%.3g", v.worstMargin())));
            if (v.counterexample() != null) {
                sb.append("  counterexample: ").append(v.counterexample()).append('\n');
            }
            if (v.note() != null) {
                sb.append("  note: ").append(v.note()).append('\n');
            }
        }
        return sb.toString();
    }

    private CheckGrid grid() {
        if (!(tol >= 0) || Double.isInfinite(tol)) {
            throw new UsageException("--tol must be a finite non-negative number, got " + tol);
        }
        requireAtLeast("--steps", steps, 1);
        StopRule rule = new StopRule(steps, tol);
        CheckGrid builtIn = CheckGrid.builtIn(CheckGrid.DEFAULT_ETA_COUNT, rule);
        boolean user = phi != null || m0 != null || lambda0 != null || scale != null || width != null
                || seeds != null || etaRel != null;
        if (!user) {
            return builtIn;
        }
        double[] rel = etaRel == null ? builtIn.etaRels() : sortedPositive("--eta-rel", Ranges.parse("--eta-rel", etaRel));
        List<StartSpec> inits = initializations();
        List<GridPoint> starts = new ArrayList<>();
        if (inits == null) {
            for (GridPoint p : builtIn.starts()) {
                if (phi == null) {
                    starts.add(p);
                } else {
                    for (double f : Ranges.parse("--phi", phi)) {
                        starts.add(new GridPoint(f, p.init()));
                    }
                }
            }
        } else {
            double[] phis = phi == null ? new double[] {1.0} : Ranges.parse("--phi", phi);
            for (double f : phis) {
                for (StartSpec init : inits) {
                    starts.add(new GridPoint(f, init));
                }
            }
        }
        return new CheckGrid("user", starts, rel, rule);
    }

    /** The starts given by options, or null for the built-in ones. */
    private List<StartSpec> initializations() {
        boolean canonical = m0 != null || lambda0 != null;
        boolean gaussian = scale != null || width != null || seeds != null;
        if (canonical && gaussian) {
            throw new UsageException("give --m0/--lambda0 or --scale/--width/--seed, not both");
        }
        List<StartSpec> inits = new ArrayList<>();
        if (canonical) {
            if (m0 == null || lambda0 == null) {
                throw new UsageException("--m0 and --lambda0 must be given together");
            }
            for (double m : Ranges.parse("--m0", m0)) {
                for (double l : Ranges.parse("--lambda0", lambda0)) {
                    if (l >= 2 * Math.abs(m)) {
                        inits.add(new StartSpec.Canonical(m, l));
                    }
                }
            }
            if (inits.isEmpty()) {
                throw new UsageException("no pair of --m0 and --lambda0 satisfies lambda0 >= 2|m0|");
            }
            return inits;
        }
        if (gaussian) {
            if (scale == null) {
                throw new UsageException("Gaussian starts need --scale");
            }
            double[] widths = width == null ? new double[] {1} : Ranges.parse("--width", width);
            long[] seedList = seeds == null ? new long[] {StartSpec.DEFAULT_SEED} : seeds;
            for (double s : Ranges.parse("--scale", scale)) {
                if (s < 0) {
                    throw new UsageException("--scale must be non-negative, got " + s);
                }
                for (double w : widths) {
                    int d = (int) Math.round(w);
                    if (d < 1) {
                        throw new UsageException("--width must be at least 1, got " + w);
                    }
                    for (long seed : seedList) {
                        inits.add(new StartSpec.Gaussian(d, s, s, seed));
                    }
                }
            }
            return inits;
        }
        return null;
    }

    private static double[] sortedPositive(String option, double[] values) {
        double[] v = Arrays.stream(values).sorted().distinct().toArray();
        if (v[0] <= 0) {
            throw new UsageException(option + " values must be positive, got " + v[0]);
        }
        return v;
    }
}
