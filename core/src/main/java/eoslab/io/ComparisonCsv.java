package eoslab.io;

import eoslab.method.Clock;
import eoslab.model.shallow.ClosedFormFlow;
import eoslab.model.shallow.ShallowSnapshot;
import eoslab.model.shallow.ShallowState;
import java.util.ArrayList;
import java.util.List;

/**
 * GD and exact GF side by side on one clock (GD step k, GF time ηk; a method's own {@link Clock} in general):
 * columns {@link #COLUMNS}, written as CSV or into {@link Columns}. Keeps every k-th step and always the first and the
 * last.
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

    private final RowSink rows;
    private final ClosedFormFlow flow;
    private final Clock clock;

    /**
     * A writer onto out (written to, not closed).
     *
     * @param every keep every k-th step (≥ 1)
     */
    public ComparisonCsv(Appendable out, ClosedFormFlow flow, Clock clock, long every) {
        this(CsvRows.withHeader(out, COLUMNS), flow, clock, every);
    }

    /**
     * A writer into a sink that has the columns {@link #COLUMNS} (no header is written).
     *
     * @param every keep every k-th step (≥ 1)
     */
    public ComparisonCsv(RowSink rows, ClosedFormFlow flow, Clock clock, long every) {
        super(every);
        this.flow = flow;
        this.clock = clock;
        this.rows = rows;
    }

    @Override
    void flush() {
        rows.flush();
    }

    @Override
    void row(long k, ShallowState gd) {
        double t = clock.time(k);
        ShallowSnapshot gf = flow.at(t);
        rows.row(k, t, gd.loss(), gd.residual(), gd.product(), gd.norm(), gd.imbalance(),
                    gd.sharpness(), gd.gfSharpness(), gf.loss(), gf.residual(), gf.product(), gf.norm(),
                    gf.imbalance(), gf.sharpness(), gf.gfSharpness());
    }
}
