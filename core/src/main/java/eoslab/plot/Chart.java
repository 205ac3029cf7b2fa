package eoslab.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * An immutable description of a 2-D chart: axes (linear or logarithmic, optional secondary y axis), series (lines,
 * markers, dots), reference lines and shaded x-bands. Build with {@link #builder(String)}; render with
 * {@link ChartWriter}. Arrays passed to the builder are copied.
 */
public final class Chart {
    /** How a series is drawn. */
    public enum Kind {
        /** A polyline, with a dash pattern per series. */
        LINE,
        /** Open markers, a shape per series. */
        MARKERS,
        /** Tiny filled points, for dense clouds such as bifurcation diagrams. */
        DOTS
    }

    /**
     * One data series. Points with a non-finite coordinate (or non-positive on a log axis) are skipped.
     *
     * @param name      legend entry
     * @param x         abscissae
     * @param y         ordinates
     * @param kind      how it is drawn
     * @param secondary drawn against the secondary y axis
     * @param style     index into the {@link Palette} (colour, dash, marker)
     */
    public record Series(String name, double[] x, double[] y, Kind kind, boolean secondary, int style) {
    }

    /**
     * A horizontal or vertical reference line.
     *
     * @param vertical true for x = value, false for y = value (primary axis)
     * @param value    position in data coordinates
     * @param label    text drawn beside the line
     */
    public record Rule(boolean vertical, double value, String label) {
    }

    /**
     * A shaded x-interval spanning the whole plot height.
     *
     * @param x0    left edge
     * @param x1    right edge
     * @param label legend entry
     * @param shade index of the shade (0, 1, 2, …)
     */
    public record Band(double x0, double x1, String label, int shade) {
    }

    /**
     * An axis.
     *
     * @param label title with symbol and unit
     * @param log   logarithmic scale
     */
    public record Axis(String label, boolean log) {
    }

    private final String title;
    private final Axis x;
    private final Axis y;
    private final Axis y2;
    private final List<Series> series;
    private final List<Rule> rules;
    private final List<Band> bands;

    private Chart(Builder b) {
        this.title = b.title;
        this.x = b.x;
        this.y = b.y;
        this.y2 = b.y2;
        this.series = List.copyOf(b.series);
        this.rules = List.copyOf(b.rules);
        this.bands = List.copyOf(b.bands);
    }

    /** A builder with the given title. */
    public static Builder builder(String title) {
        return new Builder(title);
    }

    /** The title. */
    public String title() {
        return title;
    }

    /** The x axis. */
    public Axis xAxis() {
        return x;
    }

    /** The primary y axis. */
    public Axis yAxis() {
        return y;
    }

    /** The secondary y axis, or null. */
    public Axis y2Axis() {
        return y2;
    }

    /** The series, in drawing order. */
    public List<Series> series() {
        return series;
    }

    /** The reference lines. */
    public List<Rule> rules() {
        return rules;
    }

    /** The shaded bands. */
    public List<Band> bands() {
        return bands;
    }

    /** Builds a {@link Chart}. */
    public static final class Builder {
        private final String title;
        private Axis x = new Axis("x", false);
        private Axis y = new Axis("y", false);
        private Axis y2;
        private final List<Series> series = new ArrayList<>();
        private final List<Rule> rules = new ArrayList<>();
        private final List<Band> bands = new ArrayList<>();

        private Builder(String title) {
            this.title = title;
        }

        /** Sets the x axis. */
        public Builder xAxis(String label, boolean log) {
            x = new Axis(label, log);
            return this;
        }

        /** Sets the primary y axis. */
        public Builder yAxis(String label, boolean log) {
            y = new Axis(label, log);
            return this;
        }

        /**
         * Adds a secondary y axis on the right, linear or logarithmic like the primary one (call after
         * {@link #yAxis}).
         *
         * @throws IllegalArgumentException if its scale kind differs from the primary axis
         */
        public Builder y2Axis(String label, boolean log) {
            if (log != y.log()) {
                throw new IllegalArgumentException("the secondary y axis must be " + (y.log() ? "log" : "linear")
                        + " like the primary one");
            }
            y2 = new Axis(label, log);
            return this;
        }

        private Builder add(String name, double[] xs, double[] ys, Kind kind, boolean secondary) {
            if (xs.length != ys.length) {
                throw new IllegalArgumentException("series " + name + ": x and y lengths differ");
            }
            if (secondary && y2 == null) {
                throw new IllegalStateException("series " + name + " needs y2Axis(...) first");
            }
            series.add(new Series(name, xs.clone(), ys.clone(), kind, secondary, series.size()));
            return this;
        }

        /** Adds a line series. */
        public Builder line(String name, double[] xs, double[] ys) {
            return add(name, xs, ys, Kind.LINE, false);
        }

        /** Adds a marker series. */
        public Builder markers(String name, double[] xs, double[] ys) {
            return add(name, xs, ys, Kind.MARKERS, false);
        }

        /** Adds a cloud of tiny points. */
        public Builder dots(String name, double[] xs, double[] ys) {
            return add(name, xs, ys, Kind.DOTS, false);
        }

        /** Adds a line series on the secondary y axis. */
        public Builder lineY2(String name, double[] xs, double[] ys) {
            return add(name, xs, ys, Kind.LINE, true);
        }

        /** Adds a marker series on the secondary y axis. */
        public Builder markersY2(String name, double[] xs, double[] ys) {
            return add(name, xs, ys, Kind.MARKERS, true);
        }

        /** Adds a vertical reference line x = value. */
        public Builder vline(double value, String label) {
            rules.add(new Rule(true, value, label));
            return this;
        }

        /** Adds a horizontal reference line y = value (primary axis). */
        public Builder hline(double value, String label) {
            rules.add(new Rule(false, value, label));
            return this;
        }

        /** Adds a shaded x-interval. */
        public Builder band(double x0, double x1, String label) {
            bands.add(new Band(Math.min(x0, x1), Math.max(x0, x1), label, bands.size()));
            return this;
        }

        /** The chart. */
        public Chart build() {
            return new Chart(this);
        }
    }
}
