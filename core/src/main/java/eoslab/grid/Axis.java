package eoslab.grid;

import java.util.Arrays;
import java.util.Locale;

/**
 * One swept parameter: a single value, or {@code count} values from {@code start} to {@code stop} inclusive, evenly
 * spaced (linear) or in a geometric progression (log). Values are computed from the index alone, so every run of a
 * grid is reproducible on its own.
 *
 * @param name   the parameter's name (option name without dashes)
 * @param start  first value
 * @param stop   last value
 * @param count  number of values (≥ 1)
 * @param log    geometric spacing
 */
public record Axis(String name, double start, double stop, int count, boolean log) {

    /** Validates the axis. */
    public Axis {
        if (!Double.isFinite(start) || !Double.isFinite(stop)) {
            throw new IllegalArgumentException("--" + name + ": values must be finite");
        }
        if (count < 1) {
            throw new IllegalArgumentException("--" + name + ": count must be at least 1, got " + count);
        }
        if (count > 1 && !(start < stop)) {
            throw new IllegalArgumentException("--" + name + ": a range start:stop:count must increase (start < stop), got "
                    + start + ":" + stop + ":" + count);
        }
        if (log && (start <= 0 || stop <= 0)) {
            throw new IllegalArgumentException("--" + name + ": a geometric (--log) range needs positive values");
        }
    }

    /**
     * Parses {@code value} or {@code start:stop:count}.
     *
     * @throws IllegalArgumentException on malformed text
     */
    public static Axis parse(String name, String text, boolean log) {
        String[] parts = text.split(":", -1);
        try {
            if (parts.length == 1) {
                double v = Double.parseDouble(parts[0]);
                return new Axis(name, v, v, 1, log);
            }
            if (parts.length == 3) {
                return new Axis(name, Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                        Integer.parseInt(parts[2]), log);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--" + name + " must be a number or start:stop:count, got '" + text + "'");
    }

    /** count evenly spaced values from start to stop inclusive (count = 1: start): the values of {@code start:stop:count}. */
    public static double[] linspace(double start, double stop, int count) {
        return new Axis("range", start, stop, count, false).values();
    }

    /** The single value of a one-point axis. */
    public static Axis single(String name, double value) {
        return new Axis(name, value, value, 1, false);
    }

    /** The i-th value (0 ≤ i &lt; count); the ends are exactly start and stop. */
    public double value(int i) {
        if (count == 1 || i == 0) {
            return start;
        }
        if (i == count - 1) {
            return stop;
        }
        double t = (double) i / (count - 1);
        return log ? start * Math.pow(stop / start, t) : start + (stop - start) * t;
    }

    /** All values. */
    public double[] values() {
        double[] v = new double[count];
        Arrays.setAll(v, this::value);
        return v;
    }

    /** Whether v is exactly one of the values (found without listing them: an axis may hold 2³¹ − 1). */
    public boolean contains(double v) {
        if (count == 1 || v <= start || v >= stop) {
            return v == start || v == stop;
        }
        double t = log ? Math.log(v / start) / Math.log(stop / start) : (v - start) / (stop - start);
        long near = Math.round(t * (count - 1));
        for (long i = Math.max(0, near - 1); i <= Math.min(count - 1, near + 1); i++) {
            if (value((int) i) == v) {
                return true;
            }
        }
        return false;
    }

    /** A copy restricted to [lo, hi] with the same count (for zooming). */
    public Axis zoom(double lo, double hi) {
        return new Axis(name, lo, hi, count, log);
    }

    @Override
    public String toString() {
        return count == 1 ? Double.toString(start)
                : String.format(Locale.ROOT, "%s:%s:%d%s", start, stop, count, log ? " (log)" : "");
    }
}
