package eoslab.io;

import eoslab.dynamics.StepObserver;
import eoslab.method.Clock;
import eoslab.model.shallow.ShallowState;
import java.util.List;

/**
 * Trajectory CSV with columns {@link #COLUMNS}; as a {@link StepObserver} it keeps every k-th GD step and always the
 * first and the last. Gradient-flow rows leave {@code step} empty.
 */
public final class TrajectoryCsv extends StridedRows {
    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of(
            "step", "time", "loss", "residual", "product", "norm", "imbalance", "sharpness", "gf_sharpness");

    private final CsvRows rows;
    private final Clock clock;

    private TrajectoryCsv(Appendable out, long every, Clock clock) {
        super(every);
        this.rows = CsvRows.withHeader(out, COLUMNS);
        this.clock = clock;
    }

    /**
     * A writer of a method's steps onto out (written to, not closed).
     *
     * @param every keep every k-th step (≥ 1)
     * @param clock the gradient-flow time of each step, for the time column (t = ηk for GD with a constant step)
     */
    public static TrajectoryCsv forSteps(Appendable out, long every, Clock clock) {
        return new TrajectoryCsv(out, every, clock);
    }

    /** A writer of gradient-flow samples onto out (written to, not closed); use {@link #writeTime}. */
    public static TrajectoryCsv forFlow(Appendable out) {
        return new TrajectoryCsv(out, 1, null);
    }

    @Override
    void row(long k, ShallowState it) {
        write(Long.toString(k), clock.time(k), it);
    }

    /** Writes one gradient-flow sample at time t. */
    public void writeTime(double t, ShallowState it) {
        write("", t, it);
    }

    private void write(String step, double time, ShallowState it) {
        rows.row(step, time, it.loss(), it.residual(), it.product(), it.norm(), it.imbalance(),
                    it.sharpness(), it.gfSharpness());
    }

    /** Flushes buffered rows. */
    @Override
    public void flush() {
        rows.flush();
    }
}
