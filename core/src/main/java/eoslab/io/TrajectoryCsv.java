package eoslab.io;

import eoslab.dynamics.StepObserver;
import eoslab.method.Clock;
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
    private final Clock clock;

    private TrajectoryCsv(RowSink rows, long every, Clock clock) {
        super(every);
        this.rows = rows;
        this.clock = clock;
    }

    /**
     * A writer of a method's steps onto out (written to, not closed).
     *
     * @param every keep every k-th step (≥ 1)
     * @param clock the gradient-flow time of each step, for the time column (t = ηk for GD with a constant step)
     */
    public static TrajectoryCsv forSteps(Appendable out, long every, Clock clock) {
        return forSteps(CsvRows.withHeader(out, COLUMNS), every, clock);
    }

    /** A writer of a method's steps into a sink that has the columns {@link #COLUMNS} (no header is written). */
    public static TrajectoryCsv forSteps(RowSink rows, long every, Clock clock) {
        return new TrajectoryCsv(rows, every, clock);
    }

    /** A writer of gradient-flow samples onto out (written to, not closed); use {@link #writeTime}. */
    public static TrajectoryCsv forFlow(Appendable out) {
        return forFlow(CsvRows.withHeader(out, COLUMNS));
    }

    /** A writer of gradient-flow samples into a sink that has the columns {@link #COLUMNS}. */
    public static TrajectoryCsv forFlow(RowSink rows) {
        return new TrajectoryCsv(rows, 1, null);
    }

    @Override
    void row(long k, ShallowState it) {
        write(k, clock.time(k), it);
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
