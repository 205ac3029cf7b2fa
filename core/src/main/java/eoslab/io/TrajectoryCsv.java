package eoslab.io;

import eoslab.dynamics.StepObserver;
import eoslab.model.shallow.ShallowState;
import java.util.List;

/**
 * Trajectory table with columns {@link #COLUMNS}, written as CSV or into {@link Columns}; as a {@link StepObserver} it
 * keeps every k-th GD step and always the first and the last. Gradient-flow rows leave {@code step} empty.
 */
public final class TrajectoryCsv extends StridedRows {
    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of(
            "step", "time", "loss", "residual", "product", "norm", "imbalance", "sharpness", "gf_sharpness");

    private final RowSink rows;
    private final double eta;

    private TrajectoryCsv(RowSink rows, long every, double eta) {
        super(every);
        this.rows = rows;
        this.eta = eta;
    }

    /**
     * A writer of GD steps onto out (written to, not closed).
     *
     * @param every keep every k-th step (≥ 1)
     * @param eta   step size, for the time column t = ηk
     */
    public static TrajectoryCsv forSteps(Appendable out, long every, double eta) {
        return forSteps(CsvRows.withHeader(out, COLUMNS), every, eta);
    }

    /** A writer of GD steps into a sink that has the columns {@link #COLUMNS} (no header is written). */
    public static TrajectoryCsv forSteps(RowSink rows, long every, double eta) {
        return new TrajectoryCsv(rows, every, eta);
    }

    /** A writer of gradient-flow samples onto out (written to, not closed); use {@link #writeTime}. */
    public static TrajectoryCsv forFlow(Appendable out) {
        return forFlow(CsvRows.withHeader(out, COLUMNS));
    }

    /** A writer of gradient-flow samples into a sink that has the columns {@link #COLUMNS}. */
    public static TrajectoryCsv forFlow(RowSink rows) {
        return new TrajectoryCsv(rows, 1, Double.NaN);
    }

    @Override
    void row(long k, ShallowState it) {
        write(k, eta * k, it);
    }

    /** Writes one gradient-flow sample at time t. */
    public void writeTime(double t, ShallowState it) {
        write(null, t, it);
    }

    private void write(Long step, double time, ShallowState it) {
        rows.row(step, time, it.loss(), it.residual(), it.product(), it.norm(), it.imbalance(),
                    it.sharpness(), it.gfSharpness());
    }

    /** Flushes buffered rows. */
    @Override
    public void flush() {
        rows.flush();
    }
}
