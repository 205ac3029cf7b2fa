package eoslab.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * An immutable description of one chart panel: axes (linear or logarithmic, fitted to the data or fixed, an optional
 * secondary y axis), series (lines, markers, dots), reference lines, shaded x-bands, text notes at data points and an
 * optional raster layer (a phase map). Labels are {@link MathText} markup. A chart carries no title: the caption that
 * goes with it does. Build with {@link #builder()}; stack panels with {@link Panels}; render with
 * {@link ChartWriter}. Arrays passed to the builder are copied.
 */
public final class Chart {
    /** How a series is drawn. */
    public enum Kind {
        /** A polyline, with a dash pattern per style. */
        LINE,
        /** Open markers, a shape per style. */
        MARKERS,
        /** Tiny filled translucent points, for dense clouds such as bifurcation diagrams. */
        DOTS
    }

    /**
     * One data series. Points with a non-finite coordinate (or non-positive on a log axis) are skipped; a line
     * breaks there.
     *
     * @param name      legend entry (markup; empty: not in the legend)
     * @param x         abscissae
     * @param y         ordinates
     * @param kind      how it is drawn
     * @param secondary drawn against the secondary y axis
     * @param style     index into the {@link Palette} (colour, dash, marker)
     */
    public record Series(String name, double[] x, double[] y, Kind kind, boolean secondary, int style) {
    }

    /**
     * A horizontal or vertical reference line, dashed.
     *
     * @param vertical true for x = value, false for y = value (primary axis)
     * @param value    position in data coordinates
     * @param label    text drawn beside the line (markup)
     * @param start    a horizontal line's label at the left end (else the right)
     */
    public record Rule(boolean vertical, double value, String label, boolean start) {
    }

    /**
     * A shaded x-interval spanning the whole plot height.
     *
     * @param x0    left edge
     * @param x1    right edge
     * @param label legend entry (markup)
     * @param shade index of the shade ({@link Palette#shade})
     */
    public record Band(double x0, double x1, String label, int shade) {
    }

    /**
     * A text note at a point in data coordinates (primary axes), drawn just above and right of it.
     *
     * @param x    abscissa
     * @param y    ordinate
     * @param text the note (markup)
     */
    public record Note(double x, double y, String text) {
    }

    /**
     * A raster layer covering [x0, x1] × [y0, y1] in data coordinates, pixel row 0 at the top (y1).
     *
     * @param x0    left edge
     * @param x1    right edge
     * @param y0    bottom edge
     * @param y1    top edge
     * @param image the pixels
     */
    public record Raster(double x0, double x1, double y0, double y1, BufferedImage image) {
    }

    /**
     * A legend entry that stands for a colour of the raster layer.
     *
     * @param label the entry (markup)
     * @param color the colour
     */
    public record Swatch(String label, Color color) {
    }

    /**
     * An axis.
     *
     * @param label title with symbol and unit (markup)
     * @param log   logarithmic scale
     * @param min   fixed lower end, or NaN to fit the data
     * @param max   fixed upper end, or NaN to fit the data
     */
    public record Axis(String label, boolean log, double min, double max) {
        /** True when the range is fixed. */
        public boolean fixed() {
            return !Double.isNaN(min) && !Double.isNaN(max);
        }
    }

    private final Axis x;
    private final Axis y;
    private final Axis y2;
    private final List<Series> series;
    private final List<Rule> rules;
    private final List<Band> bands;
    private final List<Note> notes;
    private final Raster raster;
    private final List<Swatch> swatches;

    private Chart(Builder b) {
        this.x = b.x;
        this.y = b.y;
        this.y2 = b.y2;
        this.series = List.copyOf(b.series);
        this.rules = List.copyOf(b.rules);
        this.bands = List.copyOf(b.bands);
        this.notes = List.copyOf(b.notes);
        this.raster = b.raster;
        this.swatches = List.copyOf(b.swatches);
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
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

    /** The notes. */
    public List<Note> notes() {
        return notes;
    }

    /** The raster layer, or null. */
    public Raster raster() {
        return raster;
    }

    /** The legend entries of the raster's colours. */
    public List<Swatch> swatches() {
        return swatches;
    }

    /** Builds a {@link Chart}. */
    public static final class Builder {
        private Axis x = new Axis("x", false, Double.NaN, Double.NaN);
        private Axis y = new Axis("y", false, Double.NaN, Double.NaN);
        private Axis y2;
        private final List<Series> series = new ArrayList<>();
        private final List<Rule> rules = new ArrayList<>();
        private final List<Band> bands = new ArrayList<>();
        private final List<Note> notes = new ArrayList<>();
        private Raster raster;
        private final List<Swatch> swatches = new ArrayList<>();
        private int nextStyle;

        private Builder() {
        }

        /** Sets the x axis, fitted to the data. */
        public Builder xAxis(String label, boolean log) {
            x = new Axis(label, log, Double.NaN, Double.NaN);
            return this;
        }

        /** Sets the x axis with a fixed range. */
        public Builder xAxis(String label, boolean log, double min, double max) {
            x = new Axis(label, log, min, max);
            return this;
        }

        /** Sets the primary y axis, fitted to the data. */
        public Builder yAxis(String label, boolean log) {
            y = new Axis(label, log, Double.NaN, Double.NaN);
            return this;
        }

        /** Sets the primary y axis with a fixed range. */
        public Builder yAxis(String label, boolean log, double min, double max) {
            y = new Axis(label, log, min, max);
            return this;
        }

        /** Adds a secondary y axis on the right, fitted to its series. */
        public Builder y2Axis(String label, boolean log) {
            y2 = new Axis(label, log, Double.NaN, Double.NaN);
            return this;
        }

        private Builder add(String name, double[] xs, double[] ys, Kind kind, boolean secondary, int style) {
            if (xs.length != ys.length) {
                throw new IllegalArgumentException("series " + name + ": x and y lengths differ");
            }
            if (secondary && y2 == null) {
                throw new IllegalStateException("series " + name + " needs y2Axis(...) first");
            }
            series.add(new Series(name, xs.clone(), ys.clone(), kind, secondary, style));
            nextStyle = Math.max(nextStyle, style + 1);
            return this;
        }

        /** Adds a line series in the next style. */
        public Builder line(String name, double[] xs, double[] ys) {
            return add(name, xs, ys, Kind.LINE, false, nextStyle);
        }

        /** Adds a line series in a given style. */
        public Builder line(String name, double[] xs, double[] ys, int style) {
            return add(name, xs, ys, Kind.LINE, false, style);
        }

        /** Adds a marker series in the next style. */
        public Builder markers(String name, double[] xs, double[] ys) {
            return add(name, xs, ys, Kind.MARKERS, false, nextStyle);
        }

        /** Adds a marker series in a given style. */
        public Builder markers(String name, double[] xs, double[] ys, int style) {
            return add(name, xs, ys, Kind.MARKERS, false, style);
        }

        /** Adds a cloud of tiny points in the next style. */
        public Builder dots(String name, double[] xs, double[] ys) {
            return add(name, xs, ys, Kind.DOTS, false, nextStyle);
        }

        /** Adds a cloud of tiny points in a given style. */
        public Builder dots(String name, double[] xs, double[] ys, int style) {
            return add(name, xs, ys, Kind.DOTS, false, style);
        }

        /** Adds a line series on the secondary y axis. */
        public Builder lineY2(String name, double[] xs, double[] ys) {
            return add(name, xs, ys, Kind.LINE, true, nextStyle);
        }

        /** Adds a marker series on the secondary y axis. */
        public Builder markersY2(String name, double[] xs, double[] ys) {
            return add(name, xs, ys, Kind.MARKERS, true, nextStyle);
        }

        /** Adds a vertical reference line x = value. */
        public Builder vline(double value, String label) {
            rules.add(new Rule(true, value, label, false));
            return this;
        }

        /** Adds a horizontal reference line y = value (primary axis), labelled at the right end. */
        public Builder hline(double value, String label) {
            rules.add(new Rule(false, value, label, false));
            return this;
        }

        /** Adds a horizontal reference line labelled at the left end. */
        public Builder hlineLabelLeft(double value, String label) {
            rules.add(new Rule(false, value, label, true));
            return this;
        }

        /** Adds a shaded x-interval in the next shade. */
        public Builder band(double x0, double x1, String label) {
            return band(x0, x1, label, bands.size());
        }

        /** Adds a shaded x-interval in a given shade. */
        public Builder band(double x0, double x1, String label, int shade) {
            bands.add(new Band(Math.min(x0, x1), Math.max(x0, x1), label, shade));
            return this;
        }

        /** Adds a text note at a data point. */
        public Builder note(double x, double y, String text) {
            notes.add(new Note(x, y, text));
            return this;
        }

        /** Sets the raster layer (pixel row 0 at the top, y1). */
        public Builder raster(double x0, double x1, double y0, double y1, BufferedImage image) {
            raster = new Raster(x0, x1, y0, y1, image);
            return this;
        }

        /** Adds a legend entry for a colour of the raster layer. */
        public Builder swatch(String label, Color color) {
            swatches.add(new Swatch(label, color));
            return this;
        }

        /** The chart. */
        public Chart build() {
            return new Chart(this);
        }
    }
}
