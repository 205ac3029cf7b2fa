package eoslab.report;

import eoslab.exec.TileExecutor;
import eoslab.io.Json;
import eoslab.io.Manifest;
import eoslab.io.OutputSet;
import eoslab.plot.ChartWriter;
import eoslab.plot.FigureSize;
import eoslab.plot.MathText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a report directory: report.html (self-contained: figures embedded as base64 PNG, mathematics as MathML),
 * report.md (the same text in Unicode, linking the figure files), figures/NAME.png, NAME.svg and NAME.pdf (one
 * drawing), data/NAME.csv, statements.json (every printed sentence with its numbers and what it asserts) and
 * manifest.json. The directory is a command's staging directory ({@code io.OutputDirectory}), renamed into place
 * whole once every file is written.
 */
public final class ReportWriter {
    private ReportWriter() {
    }

    /**
     * Writes the whole report.
     *
     * @param dir    output directory (it exists; figures/ and data/ are created in it)
     * @param report the computed report
     * @param argv   the command line, for the manifest
     */
    public static void write(Path dir, Report report, List<String> argv) {
        try {
            Files.createDirectory(dir.resolve("figures"));
            Files.createDirectory(dir.resolve("data"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        List<Figure> figures = report.figures();
        FigureSize size = report.settings().size();
        String[] encoded = new String[figures.size()];
        // figures are independent: drawn and written in parallel into the staging directory
        TileExecutor.run(figures.size(), report.settings().threads(), () -> i -> {
            Figure f = figures.get(i);
            byte[] png = ChartWriter.png(f.panels(), size);
            write(dir.resolve("figures/" + f.name() + ".png"), png);
            write(dir.resolve("figures/" + f.name() + ".svg"), ChartWriter.svg(f.panels(), size));
            write(dir.resolve("figures/" + f.name() + ".pdf"), ChartWriter.pdf(f.panels(), size,
                    MathText.plain(f.title())));
            write(dir.resolve("data/" + f.name() + ".csv"), f.data().csv());
            encoded[i] = Base64.getEncoder().encodeToString(png);
        }, () -> false);
        Map<String, String> pngs = new LinkedHashMap<>();
        for (int i = 0; i < figures.size(); i++) {
            pngs.put(figures.get(i).name(), encoded[i]);
        }
        write(dir.resolve("report.md"), markdown(report));
        write(dir.resolve("report.html"), html(report, pngs));
        write(dir.resolve("statements.json"), Json.pretty(statements(report)) + "\n");
        write(dir.resolve("manifest.json"), Json.pretty(manifest(report, argv)) + "\n");
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw OutputSet.failure(file, e);
        }
    }

    private static void write(Path file, String text) {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    static List<Map<String, Object>> statements(Report report) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Statement s : report.statements()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("text", s.plain());
            m.put("values", s.values().asMap());
            m.put("asserts", s.assertion());
            out.add(m);
        }
        return out;
    }

    static Map<String, Object> manifest(Report report, List<String> argv) {
        ReportSettings s = report.settings();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("quick", s.quick());
        parameters.put("threads", s.threads());
        parameters.put("size", s.size().text());
        parameters.put("dpi", s.size().dpi());
        Map<String, Object> m = Manifest.of(argv, parameters, null);
        List<Map<String, Object>> figs = new ArrayList<>();
        for (Figure f : report.figures()) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("name", f.name());
            fm.put("title", MathText.plain(f.title()));
            for (String format : ChartWriter.FORMATS) {
                fm.put(format, "figures/" + f.name() + "." + format);
            }
            fm.put("data", "data/" + f.name() + ".csv");
            fm.put("runs", f.runs());
            figs.add(fm);
        }
        m.put("figures", figs);
        for (Part p : report.parts()) {
            m.putAll(p.manifest());
        }
        return m;
    }

    private static final String TITLE = "eoslab: GD converges to flatter minima than gradient flow";

    static String markdown(Report report) {
        StringBuilder sb = new StringBuilder("# ").append(TITLE).append("\n\n");
        if (report.settings().quick()) {
            sb.append("_Quick run: coarser grids than the default `./eoslab reproduce`._\n\n");
        }
        for (Part p : report.parts()) {
            if (!p.title().isEmpty()) {
                sb.append("## ").append(MathText.plain(p.title())).append("\n\n");
            }
            for (Block b : p.blocks()) {
                if (b instanceof Block.Paragraph para) {
                    if (!para.statements().isEmpty()) {
                        sb.append(String.join(" ", para.statements().stream().map(Statement::plain).toList()))
                                .append("\n\n");
                    }
                } else if (b instanceof Block.FigureBlock fb) {
                    Figure f = fb.figure();
                    sb.append("### ").append(MathText.plain(f.title())).append("\n\n");
                    sb.append("![").append(f.name()).append("](figures/").append(f.name()).append(".png)\n\n");
                    sb.append(String.join(" ", f.caption().stream().map(Statement::plain).toList())).append("\n\n");
                    sb.append("Files: [PNG](figures/").append(f.name()).append(".png), [SVG](figures/")
                            .append(f.name()).append(".svg), [PDF](figures/").append(f.name())
                            .append(".pdf), [data](data/").append(f.name()).append(".csv)\n\n");
                } else if (b instanceof Block.Table t) {
                    sb.append("| ").append(String.join(" | ", t.header())).append(" |\n|");
                    sb.append("---|".repeat(t.header().size())).append('\n');
                    for (List<String> row : t.rows()) {
                        sb.append("| ").append(String.join(" | ", row.stream()
                                .map(c -> MathText.plain(c).replace("|", "\\|")).toList())).append(" |\n");
                    }
                    sb.append('\n');
                }
            }
        }
        sb.append("Every sentence with its numbers: [statements.json](statements.json). Parameters, seeds and "
                + "versions of every run: [manifest.json](manifest.json).\n");
        return sb.toString();
    }

    private static final String STYLE = "body{font-family:'DejaVu Sans',sans-serif;max-width:1060px;margin:2em auto;"
            + "padding:0 1em;line-height:1.5;color:#111}\nfigure{margin:2em 0}img{max-width:100%;border:1px solid #ccc}"
            + "\nfigcaption{font-size:.95em;color:#333}\ntable{border-collapse:collapse;font-size:.9em}\n"
            + "td,th{border:1px solid #bbb;padding:.25em .5em;text-align:right}"
            + "td:nth-child(2),th:nth-child(2){text-align:left}\ncode{font-size:.85em;word-break:break-all}\n"
            + "math{font-size:1.05em}\n.failed{color:#a00;font-weight:bold}.held{color:#060}\n";

    static String html(Report report, Map<String, String> pngs) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<title>eoslab report</title>\n<style>\n").append(STYLE).append("</style></head><body>\n")
                .append("<h1>").append(MathMl.esc(TITLE)).append("</h1>\n");
        if (report.settings().quick()) {
            sb.append("<p><em>Quick run: coarser grids than the default <code>./eoslab reproduce</code>.</em></p>\n");
        }
        for (Part p : report.parts()) {
            sb.append("<section id=\"").append(p.id()).append("\">\n");
            if (!p.title().isEmpty()) {
                sb.append("<h2>").append(MathMl.html(p.title())).append("</h2>\n");
            }
            for (Block b : p.blocks()) {
                if (b instanceof Block.Paragraph para) {
                    if (!para.statements().isEmpty()) {
                        sb.append("<p>").append(String.join(" ", para.statements().stream()
                                .map(s -> MathMl.html(s.markup())).toList())).append("</p>\n");
                    }
                } else if (b instanceof Block.FigureBlock fb) {
                    Figure f = fb.figure();
                    sb.append("<figure id=\"").append(f.name()).append("\"><h3>").append(MathMl.html(f.title()))
                            .append("</h3>\n<img alt=\"").append(f.name()).append("\" src=\"data:image/png;base64,")
                            .append(pngs.get(f.name())).append("\">\n<figcaption>")
                            .append(String.join(" ", f.caption().stream().map(s -> MathMl.html(s.markup())).toList()))
                            .append(" Files: <a href=\"figures/").append(f.name()).append(".svg\">SVG</a>, ")
                            .append("<a href=\"figures/").append(f.name()).append(".pdf\">PDF</a>, <a href=\"data/")
                            .append(f.name()).append(".csv\">data</a>.</figcaption></figure>\n");
                } else if (b instanceof Block.Table t) {
                    sb.append("<table>\n<tr>");
                    t.header().forEach(h -> sb.append("<th>").append(MathMl.esc(h)).append("</th>"));
                    sb.append("</tr>\n");
                    for (int i = 0; i < t.rows().size(); i++) {
                        sb.append("<tr>");
                        List<String> row = t.rows().get(i);
                        for (int c = 0; c < row.size(); c++) {
                            String css = c == 2 && !t.css().get(i).isEmpty() ? " class=\"" + t.css().get(i) + "\"" : "";
                            sb.append("<td").append(css).append('>').append(MathMl.html(row.get(c))).append("</td>");
                        }
                        sb.append("</tr>\n");
                    }
                    sb.append("</table>\n");
                }
            }
            sb.append("</section>\n");
        }
        sb.append("<p>Every sentence with its numbers: <a href=\"statements.json\">statements.json</a>. Parameters, "
                + "seeds and versions of every run: <a href=\"manifest.json\">manifest.json</a>.</p>\n</body></html>\n");
        return sb.toString();
    }
}
