package eoslab.spark;

import java.io.Serializable;

/**
 * A fault injected into the tasks of a job before they compute, to exercise Spark's retries (a tile's result does not
 * depend on which attempt computes it). {@link #NONE} in production.
 */
@FunctionalInterface
public interface TaskFault extends Serializable {
    /** No fault. */
    TaskFault NONE = (partition, attempt) -> { };

    /**
     * Called at the start of each task; throwing fails the attempt.
     *
     * @param partition the task's partition
     * @param attempt   its attempt number, 0 for the first
     */
    void before(int partition, int attempt);
}
