package eoslab.io;

import eoslab.dynamics.ClosedFormFlow;
import eoslab.dynamics.Iterate;
import eoslab.dynamics.Snapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * GD and exact GF side by side on one clock (GD step k, GF time ηk): columns {@link #COLUMNS}. Keeps every k-th step
 * and always the first and the last.
 */
public final class ComparisonCsv extends StridedRows {
    private static final List<String> QUANTITIES = List.of("loss", "residual", "product", "norm", "imbalance",
            "sharpness", "gf_sharpness");
    /** The columns, in order. */
    public static final List<String> COLUMNS;

    static {
        List<String> c = new ArrayList<>(List.of("step", "time"));
        QUANTITIES.forEach(q -> c.add("gd_" + q));
        QUANTITIES.forEach(q -> c.add("gf_" + q));
        COLUMNS = List.copyOf(c);
    }

    private final CSVPrinter printer;
    private final ClosedFormFlow flow;
    private final double eta;

    /**
     * A writer onto out (written to, not closed).
     *
     * @param every keep every k-th step (≥ 1)
     */
    public ComparisonCsv(Appendable out, ClosedFormFlow flow, double eta, long every) {
        super(every);
        this.flow = flow;
        this.eta = eta;
        try {
            this.printer = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get().print(out);
            printer.printRecord(COLUMNS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    void flush() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    void row(long k, Iterate gd) {
        double t = eta * k;
        Snapshot gf = flow.at(t);
        try {
            printer.printRecord(k, t, gd.loss(), gd.residual(), gd.product(), gd.norm(), gd.imbalance(),
                    gd.sharpness(), gd.gfSharpness(), gf.loss(), gf.residual(), gf.product(), gf.norm(),
                    gf.imbalance(), gf.sharpness(), gf.gfSharpness());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
