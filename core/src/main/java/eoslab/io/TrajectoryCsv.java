package eoslab.io;

import eoslab.dynamics.Iterate;
import eoslab.dynamics.StepObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Trajectory CSV with columns {@link #COLUMNS}; as a {@link StepObserver} it keeps every k-th GD step and always the
 * first and the last. Gradient-flow rows leave {@code step} empty.
 */
public final class TrajectoryCsv extends StridedRows {
    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of(
            "step", "time", "loss", "residual", "product", "norm", "imbalance", "sharpness", "gf_sharpness");

    private final CSVPrinter printer;
    private final double eta;

    private TrajectoryCsv(Appendable out, long every, double eta) {
        super(every);
        try {
            this.printer = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get().print(out);
            printer.printRecord(COLUMNS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
    void row(long k, Iterate it) {
        write(Long.toString(k), eta * k, it);
    }

    /** Writes one gradient-flow sample at time t. */
    public void writeTime(double t, Iterate it) {
        write("", t, it);
    }

    private void write(String step, double time, Iterate it) {
        try {
            printer.printRecord(step, time, it.loss(), it.residual(), it.product(), it.norm(), it.imbalance(),
                    it.sharpness(), it.gfSharpness());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flushes buffered rows. */
    @Override
    public void flush() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
