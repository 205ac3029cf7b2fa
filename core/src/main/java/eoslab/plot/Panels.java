package eoslab.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * A figure's drawing: one or more {@link Chart} panels stacked top to bottom, sharing the x axis (its range is the
 * union of the panels' unless one fixes it; ticks are labelled under the bottom panel only, with the bottom panel's
 * x label), each with a height weight, and one legend under all of them.
 *
 * @param charts  the panels, top first
 * @param weights their relative heights
 */
public record Panels(List<Chart> charts, double[] weights) {
    /** Copies and checks. */
    public Panels {
        if (charts.isEmpty() || charts.size() != weights.length) {
            throw new IllegalArgumentException("need one weight per panel, at least one panel");
        }
        charts = List.copyOf(charts);
        weights = weights.clone();
    }

    /** One panel. */
    public static Panels of(Chart chart) {
        return new Panels(List.of(chart), new double[] {1});
    }

    /** Panels in order with the given weights (one per chart). */
    public static Panels stack(List<Chart> charts, double... weights) {
        return new Panels(new ArrayList<>(charts), weights);
    }
}
