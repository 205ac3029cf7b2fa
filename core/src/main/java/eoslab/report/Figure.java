package eoslab.report;

import eoslab.plot.Chart;
import java.util.List;
import java.util.Map;

/**
 * One figure of the report: its chart, the numbers behind it and the parameters of every run that produced them.
 *
 * @param name    file stem (figures/NAME.png, figures/NAME.svg, data/NAME.csv)
 * @param title   short title
 * @param caption what it shows, with the exact parameters
 * @param chart   the chart
 * @param data    the numbers behind the chart
 * @param runs    the parameters of the runs (for the manifest)
 */
public record Figure(String name, String title, String caption, Chart chart, DataTable data,
                     List<Map<String, Object>> runs) {
}
