package eoslab.io;

import eoslab.grid.Axis;
import eoslab.measure.CellCheck.Certification;
import eoslab.measure.CellCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A phase-map certification as CSV: one row per checked cell ({@link CellCheck#row}), then {@code confirmed}. */
public final class CertificationCsv {
    private CertificationCsv() {
    }

    /** Writes the certification onto out (written to, not closed). */
    public static void write(Appendable out, Certification report, Axis x, Axis y) {
        List<Map<String, Object>> rows = report.checks().stream().map(k -> k.row(x, y)).toList();
        List<String> keys = rows.isEmpty() ? List.of("ix", "iy") : new ArrayList<>(rows.get(0).keySet());
        List<String> header = new ArrayList<>(keys);
        header.add("confirmed");
        CsvRows csv = CsvRows.withHeader(out, header);
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> r = rows.get(i);
            List<Object> cells = new ArrayList<>(keys.stream().map(r::get).toList());
            cells.add(report.checks().get(i).confirmed());
            csv.row(cells);
        }
        csv.flush();
    }
}
