package eoslab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The reproduction report: its sections, computed in order. A section is one class implementing {@link Section};
 * adding one to the report is one line in {@link #sections()}.
 *
 * @param settings the settings it was computed with
 * @param parts    the computed sections, in order
 */
public record Report(ReportSettings settings, List<Part> parts) {
    /** Copies. */
    public Report {
        parts = List.copyOf(parts);
    }

    /** The sections of the report, in order (new instances). */
    public static List<Section> sections() {
        return List.of(
                new IntroSection(),
                new LossSection(),
                new SweepSection(),
                new EdgeSection(),
                new ImbalanceSection(),
                new CatapultSection(),
                new LandscapeSection(),
                new MomentumSection(),
                new ClaimsSection());
    }

    /** Computes every section. */
    public static Report build(ReportSettings settings, Consumer<String> progress) {
        ReportContext context = new ReportContext(settings, progress);
        List<Part> parts = new ArrayList<>();
        for (Section s : sections()) {
            parts.add(s.build(context));
        }
        return new Report(settings, parts);
    }

    /** Every figure, in order. */
    public List<Figure> figures() {
        List<Figure> out = new ArrayList<>();
        for (Part p : parts) {
            for (Block b : p.blocks()) {
                if (b instanceof Block.FigureBlock f) {
                    out.add(f.figure());
                }
            }
        }
        return out;
    }

    /** Every printed statement, in reading order (paragraphs and captions). */
    public List<Statement> statements() {
        List<Statement> out = new ArrayList<>();
        for (Part p : parts) {
            for (Block b : p.blocks()) {
                if (b instanceof Block.Paragraph para) {
                    out.addAll(para.statements());
                } else if (b instanceof Block.FigureBlock f) {
                    out.addAll(f.figure().caption());
                }
            }
        }
        return out;
    }
}
