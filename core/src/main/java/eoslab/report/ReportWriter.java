package eoslab.report;

import eoslab.io.AtomicOutput;
import eoslab.io.Json;
import eoslab.io.Manifest;
import eoslab.plot.ChartWriter;
import eoslab.theory.ClaimChecker;
import eoslab.theory.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a report directory: report.html (self-contained, figures embedded as base64 PNG), report.md (links to the
 * figure files), figures/NAME.png and NAME.svg, data/NAME.csv and manifest.json. Every file is written atomically.
 */
public final class ReportWriter {
    /** Figure size in pixels (PNG) and user units (SVG). */
    public static final int WIDTH = 1000;
    /** Figure height. */
    public static final int HEIGHT = 620;

    private static final String INTRO = "eoslab studies gradient descent (GD) and gradient flow (GF) on the loss "
            + "L(a, b) = ½(aᵀb − Φ)² of a depth-2 linear network with one input and one output, a, b ∈ ℝᵈ. Its "
            + "quantities: the residual ε = aᵀb − Φ (loss ε²/2), the norm λ = ‖a‖² + ‖b‖², the imbalance "
            + "Q = ‖a+b‖·‖a−b‖ and the sharpness S (largest Hessian eigenvalue; S = λ at a minimum). GD on any width "
            + "is exactly a two-variable map (docs/model.md §3), so every run below is exact and width-free. GF conserves "
            + "Q and lands on the minimum of sharpness λ_GF = √(4Φ² + Q₀²); GD multiplies Q by |1 − η²ε_t²| at each "
            + "step and so, when it converges, lands on a flatter minimum, λ∞ = √(4Φ² + Q∞²). Step sizes are given "
            + "absolutely and relative to 2/λ_GF: stable below 2/λ_GF, edge of stability from 2/λ_GF to 1/|Φ|, and "
            + "beyond 1/|Φ|, where GD cannot converge.";

    private ReportWriter() {
    }

    /**
     * Writes the whole report.
     *
     * @param dir      output directory (created if missing)
     * @param figures  the figures
     * @param check    the claim verdicts
     * @param settings the settings used
     * @param argv     the command line, for the manifest
     */
    public static void write(Path dir, List<Figure> figures, ClaimChecker.Report check, ReportSettings settings,
                             List<String> argv) {
        try {
            Files.createDirectories(dir.resolve("figures"));
            Files.createDirectories(dir.resolve("data"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        Map<String, String> pngs = new LinkedHashMap<>();
        for (Figure f : figures) {
            byte[] png = ChartWriter.png(f.chart(), eoslab.plot.FigureSize.DEFAULT);
            AtomicOutput.writeBytes(dir.resolve("figures/" + f.name() + ".png"), png);
            AtomicOutput.writeString(dir.resolve("figures/" + f.name() + ".svg"), ChartWriter.svg(f.chart(), eoslab.plot.FigureSize.DEFAULT)); AtomicOutput.writeBytes(dir.resolve("figures/" + f.name() + ".pdf"), ChartWriter.pdf(eoslab.plot.Panels.of(f.chart()), eoslab.plot.FigureSize.DEFAULT, f.title()));
            AtomicOutput.writeString(dir.resolve("data/" + f.name() + ".csv"), f.data().csv());
            pngs.put(f.name(), Base64.getEncoder().encodeToString(png));
        }
        AtomicOutput.writeString(dir.resolve("report.md"), markdown(figures, check, settings));
        AtomicOutput.writeString(dir.resolve("report.html"), html(figures, pngs, check, settings));
        AtomicOutput.writeString(dir.resolve("manifest.json"), Json.pretty(manifest(figures, check, settings, argv)) + "\n");
    }

    static Map<String, Object> manifest(List<Figure> figures, ClaimChecker.Report check, ReportSettings s,
                                        List<String> argv) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("quick", s.quick());
        parameters.put("threads", s.threads());
        Map<String, Object> m = Manifest.of(argv, parameters, null);
        List<Map<String, Object>> figs = new ArrayList<>();
        for (Figure f : figures) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("name", f.name());
            fm.put("title", f.title());
            fm.put("png", "figures/" + f.name() + ".png");
            fm.put("svg", "figures/" + f.name() + ".svg");
            fm.put("data", "data/" + f.name() + ".csv");
            fm.put("runs", f.runs());
            figs.add(fm);
        }
        m.put("figures", figs);
        Map<String, Object> c = new LinkedHashMap<>(check.grid().describe());
        c.put("runs", check.runs());
        c.put("command", "./eoslab check --eta-rel " + check.grid().etaRels()[0] + ":"
                + check.grid().etaRels()[check.grid().etaRels().length - 1] + ":" + check.grid().etaRels().length);
        c.put("claims", check.verdicts().stream().map(Verdict::toMap).toList());
        m.put("check", c);
        return m;
    }

    private static String margin(Verdict v) {
        return Double.isNaN(v.worstMargin()) ? "–" : String.format(Locale.ROOT, "%.3g", v.worstMargin());
    }

    private static String checkSummary(ClaimChecker.Report check) {
        double[] rel = check.grid().etaRels();
        return "Each claim of the paper (docs/claims.md) in eoslab's checkable form, judged by `eoslab check` on "
                + check.runs() + " exact GD runs: the " + check.grid().name() + " grid of "
                + check.grid().starts().size() + " starts × " + rel.length + " step sizes η = c·2/λ_GF, c from "
                + rel[0] + " to " + rel[rel.length - 1] + " (budget " + check.grid().rule().maxSteps()
                + " steps, tol " + check.grid().rule().tol() + "). A margin ≥ 0 means the conclusion held.";
    }

    static String markdown(List<Figure> figures, ClaimChecker.Report check, ReportSettings s) {
        StringBuilder sb = new StringBuilder("# eoslab: GD converges to flatter minima than gradient flow\n\n");
        sb.append(INTRO).append("\n\n");
        if (s.quick()) {
            sb.append("_Quick run: coarser grids than the default `./eoslab reproduce`._\n\n");
        }
        for (Figure f : figures) {
            sb.append("## ").append(f.title()).append("\n\n");
            sb.append("![").append(f.name()).append("](figures/").append(f.name()).append(".png)\n\n");
            sb.append(f.caption()).append("\n\n");
            sb.append("Files: [PNG](figures/").append(f.name()).append(".png), [SVG](figures/").append(f.name())
                    .append(".svg), [data](data/").append(f.name()).append(".csv)\n\n");
        }
        sb.append("## Claims, checked\n\n").append(checkSummary(check)).append("\n\n");
        sb.append("| claim | title | verdict | tried | applicable | held | failed | inconclusive | worst margin |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Verdict v : check.verdicts()) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %d | %d | %d | %d | %s |%n", v.claim().id(),
                    v.claim().title(), v.outcome(), v.tried(), v.applicable(), v.held(), v.failed(), v.inconclusive(),
                    margin(v)));
        }
        sb.append('\n');
        for (Verdict v : check.verdicts()) {
            sb.append("**Claim ").append(v.claim().id()).append(".** ").append(v.claim().statement()).append("\n\n");
            if (v.counterexample() != null) {
                sb.append("Counterexample: `").append(v.counterexample()).append("`\n\n");
            }
            if (v.note() != null) {
                sb.append("Note: ").append(v.note()).append("\n\n");
            }
        }
        sb.append("Parameters, seeds and versions of every run: [manifest.json](manifest.json).\n");
        return sb.toString();
    }

    static String html(List<Figure> figures, Map<String, String> pngs, ClaimChecker.Report check, ReportSettings s) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<title>eoslab report</title>\n<style>\n")
                .append("body{font-family:sans-serif;max-width:1060px;margin:2em auto;padding:0 1em;line-height:1.45;"
                        + "color:#111}\nfigure{margin:2em 0}img{max-width:100%;border:1px solid #ccc}\n"
                        + "figcaption{font-size:.95em;color:#333}\ntable{border-collapse:collapse;font-size:.9em}\n"
                        + "td,th{border:1px solid #bbb;padding:.25em .5em;text-align:right}"
                        + "td:nth-child(2),th:nth-child(2){text-align:left}\ncode{font-size:.85em;word-break:break-all}\n"
                        + ".failed{color:#a00;font-weight:bold}.held{color:#060}\n</style></head><body>\n")
                .append("<h1>eoslab: GD converges to flatter minima than gradient flow</h1>\n<p>")
                .append(esc(INTRO)).append("</p>\n");
        if (s.quick()) {
            sb.append("<p><em>Quick run: coarser grids than the default <code>./eoslab reproduce</code>.</em></p>\n");
        }
        for (Figure f : figures) {
            sb.append("<figure id=\"").append(f.name()).append("\"><h2>").append(esc(f.title())).append("</h2>\n")
                    .append("<img alt=\"").append(f.name()).append("\" src=\"data:image/png;base64,")
                    .append(pngs.get(f.name())).append("\">\n<figcaption>").append(esc(f.caption()))
                    .append(" Files: <a href=\"figures/").append(f.name()).append(".svg\">SVG</a>, <a href=\"data/")
                    .append(f.name()).append(".csv\">data</a>.</figcaption></figure>\n");
        }
        sb.append("<h2>Claims, checked</h2>\n<p>").append(esc(checkSummary(check))).append("</p>\n<table>\n")
                .append("<tr><th>claim</th><th>title</th><th>verdict</th><th>tried</th><th>applicable</th>"
                        + "<th>held</th><th>failed</th><th>inconclusive</th><th>worst margin</th></tr>\n");
        for (Verdict v : check.verdicts()) {
            sb.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td class=\"%s\">%s</td><td>%d</td>"
                            + "<td>%d</td><td>%d</td><td>%d</td><td>%d</td><td>%s</td></tr>%n", v.claim().id(),
                    esc(v.claim().title()), v.outcome(), v.outcome(), v.tried(), v.applicable(), v.held(), v.failed(),
                    v.inconclusive(), margin(v)));
        }
        sb.append("</table>\n<dl>\n");
        for (Verdict v : check.verdicts()) {
            sb.append("<dt><b>Claim ").append(v.claim().id()).append("</b></dt><dd>").append(esc(v.claim().statement()));
            if (v.counterexample() != null) {
                sb.append("<br>Counterexample: <code>").append(esc(v.counterexample())).append("</code>");
            }
            if (v.note() != null) {
                sb.append("<br>Note: ").append(esc(v.note()));
            }
            sb.append("</dd>\n");
        }
        sb.append("</dl>\n<p>Parameters, seeds and versions of every run: <a href=\"manifest.json\">manifest.json</a>."
                + "</p>\n</body></html>\n");
        return sb.toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
