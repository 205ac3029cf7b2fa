package eoslab.io;

import eoslab.dynamics.StepObserver;
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
    private final double eta;

    private TrajectoryCsv(Appendable out, long every, double eta) {
        super(every);
        this.rows = CsvRows.withHeader(out, COLUMNS);
        this.eta = eta;
    }

    /**
     * A writer of GD steps onto out (written to, not closed).
     *
     * @param every keep every k-th step (≥ 1)
     * @param eta   step size, for the time column t = ηk
     */
    public static TrajectoryCsv forSteps(Appendable out, long every, double eta) {
        return new TrajectoryCsv(out, every, eta);
    }

    /** A writer of gradient-flow samples onto out (written to, not closed); use {@link #writeTime}. */
    public static TrajectoryCsv forFlow(Appendable out) {
        return new TrajectoryCsv(out, 1, Double.NaN);
    }

    @Override
    void row(long k, ShallowState it) {
        write(Long.toString(k), eta * k, it);
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
