package eoslab.io;

import eoslab.dynamics.Outcome;
import eoslab.dynamics.StepObserver;
import eoslab.measure.GfsTrack;
import eoslab.measure.SharpnessTrack;
import eoslab.measure.ThetaSource;
import eoslab.model.Model;
import eoslab.model.State;
import java.util.List;

/**
 * The trajectory of a GD run on any model as CSV with columns {@link #COLUMNS} (time = η·step; residual =
 * √(2(L − L*)); norm = ‖θ‖²; imbalance = the model's {@link Model#imbalance}; sharpness and gfs_sharpness where those
 * were sampled at that step, else empty): step 0, every k-th step and the last. Observe it after the tracks it reads.
 */
public final class ModelTrajectoryCsv implements StepObserver<State> {
    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of("step", "time", "loss", "residual", "norm", "imbalance",
            "sharpness", "gfs_sharpness");

    private final CsvRows rows;
    private final long every;
    private final double eta;
    private final ThetaSource source;
    private final Model model;
    private final SharpnessTrack sharpness;
    private final GfsTrack gfs;
    private final double[] theta;
    private long lastWritten = -1;

    /**
     * @param out       the target (written to, not closed)
     * @param every     keep every k-th step (≥ 1)
     * @param eta       the step size, for the time column
     * @param source    the live parameters
     * @param model     a model instance for the imbalance only
     * @param sharpness the sharpness track whose samples are written (kept series), or null
     * @param gfs       the GF-solution sharpness track (kept series), or null
     */
    public ModelTrajectoryCsv(Appendable out, long every, double eta, ThetaSource source, Model model,
                              SharpnessTrack sharpness, GfsTrack gfs) {
        if (every < 1) {
            throw new IllegalArgumentException("every must be at least 1, got " + every);
        }
        this.rows = CsvRows.withHeader(out, COLUMNS);
        this.every = every;
        this.eta = eta;
        this.source = source;
        this.model = model;
        this.sharpness = sharpness;
        this.gfs = gfs;
        this.theta = new double[model.dimension()];
    }

    @Override
    public void start(State state) {
        emit(0, state);
    }

    @Override
    public void step(long k, State state) {
        if (k % every == 0) {
            emit(k, state);
        }
    }

    @Override
    public void finish(long k, State state, Outcome outcome) {
        if (lastWritten != k) {
            emit(k, state);
        }
        rows.flush();
    }

    private void emit(long k, State s) {
        lastWritten = k;
        source.theta(theta);
        rows.row(k, eta * k, s.loss(), s.residualNorm(), s.normSquared(), model.imbalance(theta),
                sharpness == null ? null : sharpness.valueAt(k), gfs == null ? null : gfs.valueAt(k));
    }
}
