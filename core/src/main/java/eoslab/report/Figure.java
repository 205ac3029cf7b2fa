package eoslab.report;

import eoslab.plot.Panels;
import java.util.List;
import java.util.Map;

/**
 * One figure of the report: its drawing, the numbers behind it, its caption as statements and the parameters of every
 * run that produced it.
 *
 * @param name    file stem (figures/NAME.png|svg|pdf, data/NAME.csv)
 * @param title   short title (markup)
 * @param caption the caption's sentences; only those that hold are printed
 * @param panels  the drawing
 * @param data    the numbers behind it
 * @param runs    the parameters of the runs (for the manifest)
 */
public record Figure(String name, String title, List<Statement> caption, Panels panels, DataTable data,
                     List<Map<String, Object>> runs) {
    /** Keeps only the caption statements whose predicate holds. */
    public Figure {
        caption = caption.stream().filter(Statement::holds).toList();
        runs = List.copyOf(runs);
    }
}
