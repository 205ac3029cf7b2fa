package eoslab.io;

import eoslab.dynamics.Outcome;
import eoslab.dynamics.StepObserver;
import eoslab.model.shallow.ShallowState;

/**
 * A {@link StepObserver} that emits a row for step 0, every k-th step, and always the last step of the run, then
 * flushes: the sampling rule of every trajectory file.
 */
abstract class StridedRows implements StepObserver<ShallowState> {
    private final long every;
    private long lastWritten = -1;

    /** Keeps every k-th step (k ≥ 1). */
    StridedRows(long every) {
        if (every < 1) {
            throw new IllegalArgumentException("every must be at least 1, got " + every);
        }
        this.every = every;
    }

    /** Writes the row of step k. */
    abstract void row(long k, ShallowState it);

    /** Flushes the rows written so far. */
    abstract void flush();

    @Override
    public final void start(ShallowState stepper) {
        emit(0, stepper);
    }

    @Override
    public final void step(long k, ShallowState it) {
        if (k % every == 0) {
            emit(k, it);
        }
    }

    @Override
    public final void finish(long k, ShallowState it, Outcome outcome) {
        if (lastWritten != k) {
            emit(k, it);
        }
        flush();
    }

    private void emit(long k, ShallowState it) {
        lastWritten = k;
        row(k, it);
    }
}
