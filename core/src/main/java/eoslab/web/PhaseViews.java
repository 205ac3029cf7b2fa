package eoslab.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Cancellation of phase-map requests that a newer view replaced: a client tags its tile requests with a group (one
 * per page) and the number of the view they belong to; a request for a newer view of the same group cancels every
 * request of older views, which then stop taking tiles. The table is bounded (cleared past {@link #MAX_GROUPS}).
 */
final class PhaseViews {
    static final int MAX_GROUPS = 4096;

    private final ConcurrentHashMap<String, Long> latest = new ConcurrentHashMap<>();

    /** Registers a request of view {@code seq} of {@code group}; the result turns true once a newer view arrives. */
    BooleanSupplier open(String group, long seq) {
        if (latest.size() >= MAX_GROUPS && !latest.containsKey(group)) {
            latest.clear();
        }
        latest.merge(group, seq, Math::max);
        return () -> latest.getOrDefault(group, seq) > seq;
    }
}
