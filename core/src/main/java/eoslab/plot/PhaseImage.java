package eoslab.plot;

import eoslab.dynamics.CellClass;
import eoslab.dynamics.Periodicity;
import eoslab.grid.Axis;
import eoslab.measure.PhaseMap;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws a phase map as a raster image with Java2D: one block of pixels per cell (the smaller maps enlarged to about
 * 512 pixels), axes with ticks and labels, a title and a legend. Row 0 is at the bottom. Text, margins and the legend
 * grow with the map (one unit per 700 pixels), so labels stay readable on large maps.
 *
 * <p>The cells show either the outcome ({@link PhasePalette}: hue by class, lightness by steps or period) or one
 * continuous per-cell quantity ({@link Field}, on a perceptual sequential colour map with a colour bar; cells without a
 * value are grey, darker for diverged cells). {@link Curve}s drawn over the raster mark landmarks of each row (for
 * example the convergence boundary η*): black lines on a white halo, visible on every colour.
 */
public final class PhaseImage {
    private static final int LEFT = 90;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;
    private static final int RIGHT = 300;
    private static final int TARGET = 512;
    private static final int DIVERGED_GREY = 0x6e6e6e;
    private static final int NO_VALUE_GREY = 0xd4d4d4;

    private PhaseImage() {
    }

    /**
     * A continuous quantity per cell.
     *
     * @param label   what it is (the colour bar's title)
     * @param values  one value per cell (cell = iy·nx + ix); NaN where it does not apply
     * @param log     whether the colour scale is logarithmic (non-positive values then count as missing)
     * @param missing what cells without a value are (legend text), e.g. "not converged"
     */
    public record Field(String label, double[] values, boolean log, String missing) {
    }

    /** How a curve is stroked. */
    public enum Line {
        /** A solid line. */
        SOLID,
        /** Long dashes. */
        DASHED,
        /** Dots. */
        DOTTED,
        /** Dash, dot. */
        DASH_DOT
    }

    /**
     * A curve over the map: one x value per row (in the units of the x axis, NaN where the row has none), joined
     * through the row centres.
     *
     * @param label legend text
     * @param x     x per row
     * @param line  the stroke
     */
    public record Curve(String label, double[] x, Line line) {
    }

    /** The PNG bytes of a map coloured by outcome, without overlay. */
    public static byte[] png(PhaseMap map, Axis x, Axis y, int budget, String title) {
        return png(map, x, y, budget, title, null, List.of());
    }

    /**
     * The PNG bytes of a map.
     *
     * @param x       the x axis (columns)
     * @param y       the y axis (rows, row 0 at the bottom)
     * @param budget  the step budget per cell (the lightness scale of converged and diverged cells)
     * @param field   the quantity to colour, or null for the outcome
     * @param overlay curves to draw over the cells (may be empty)
     */
    public static byte[] png(PhaseMap map, Axis x, Axis y, int budget, String title, Field field,
                             List<Curve> overlay) {
        BufferedImage img = render(map, x, y, budget, title, field, overlay);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The image of a map coloured by outcome, without overlay. */
    public static BufferedImage render(PhaseMap map, Axis x, Axis y, int budget, String title) {
        return render(map, x, y, budget, title, null, List.of());
    }

    /** The image of a map (see {@link #png}). */
    public static BufferedImage render(PhaseMap map, Axis x, Axis y, int budget, String title, Field field,
                                       List<Curve> overlay) {
        int nx = map.nx();
        int ny = map.ny();
        int s = Math.max(1, TARGET / Math.max(nx, ny));
        int w = nx * s;
        int h = ny * s;
        int u = Math.max(1, (int) Math.round(Math.max(w, h) / 700.0));
        final int left = LEFT * u;
        final int top = TOP * u;
        int legendHeight = (field == null ? 330 : 160) * u + 23 * u * overlay.size();
        BufferedImage img = new BufferedImage(left + w + RIGHT * u, top + Math.max(h, legendHeight) + BOTTOM * u,
                BufferedImage.TYPE_INT_RGB);
        PhasePalette pal = new PhasePalette(budget);
        Scale fieldScale = field == null ? null : fieldScale(field);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        for (int iy = 0; iy < ny; iy++) {
            int py = top + h - (iy + 1) * s;
            for (int ix = 0; ix < nx; ix++) {
                int c = iy * nx + ix;
                int rgb = field == null ? pal.color(map.cls()[c], map.steps()[c], map.period()[c])
                        : fieldColor(field, fieldScale, c, map.cls()[c]);
                for (int dy = 0; dy < s; dy++) {
                    for (int dx = 0; dx < s; dx++) {
                        img.setRGB(left + ix * s + dx, py + dy, rgb);
                    }
                }
            }
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        drawCurves(g, overlay, x, ny, left, top, w, h, u);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(u));
        g.drawRect(left - 1, top - 1, w + 1, h + 1);
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12 * u);
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        Scale xs = scale(x);
        Scale ys = scale(y);
        for (double v : xs.ticks()) {
            int px = left + (int) Math.round(position(x, v) * w);
            g.drawLine(px, top + h, px, top + h + 5 * u);
            String t = tickLabel(xs, v);
            g.drawString(t, px - fm.stringWidth(t) / 2, top + h + 18 * u);
        }
        for (double v : ys.ticks()) {
            int py = top + h - (int) Math.round(position(y, v) * h);
            g.drawLine(left - 6 * u, py, left - 1, py);
            String t = tickLabel(ys, v);
            g.drawString(t, left - 9 * u - fm.stringWidth(t), py + fm.getAscent() / 2 - 1);
        }
        String xl = axisLabel(x);
        g.drawString(xl, left + (w - fm.stringWidth(xl)) / 2, top + h + 40 * u);
        AffineTransform old = g.getTransform();
        g.rotate(-Math.PI / 2);
        String yl = axisLabel(y);
        g.drawString(yl, -(top + (h + fm.stringWidth(yl)) / 2), 22 * u);
        g.setTransform(old);
        g.setFont(font.deriveFont(Font.BOLD, 14f * u));
        g.drawString(title, left, top - 14 * u);
        int y0 = field == null ? legend(g, pal, map, left + w + 24 * u, top, budget, u)
                : fieldLegend(g, field, fieldScale, map, left + w + 24 * u, top, u);
        curveLegend(g, overlay, left + w + 24 * u, y0, u);
        g.dispose();
        return img;
    }

    /** The colour scale of a field: the range of its drawable values (a default range when there are none). */
    private static Scale fieldScale(Field field) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : field.values()) {
            if (Scale.drawable(v, field.log())) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return lo <= hi ? Scale.exact(lo, hi, field.log()) : Scale.fit(lo, hi, field.log());
    }

    private static int fieldColor(Field field, Scale scale, int cell, byte cls) {
        double v = field.values()[cell];
        if (!Scale.drawable(v, field.log())) {
            return cls == CellClass.DIVERGED.ordinal() ? DIVERGED_GREY : NO_VALUE_GREY;
        }
        return PhasePalette.sequential(scale.fraction(v));
    }

    /** Draws the curves, clipped to the raster, each as a black line over a wider white halo. */
    private static void drawCurves(Graphics2D g, List<Curve> overlay, Axis x, int ny, int left, int top, int w, int h,
                                   int u) {
        Shape clip = g.getClip();
        g.clipRect(left, top, w, h);
        for (Curve c : overlay) {
            Path2D.Double path = path(c, x, ny, left, top, w, h);
            g.setColor(Color.WHITE);
            g.setStroke(stroke(c.line(), 4.5f * u, true));
            g.draw(path);
            g.setColor(Color.BLACK);
            g.setStroke(stroke(c.line(), 2f * u, false));
            g.draw(path);
        }
        g.setClip(clip);
    }

    /** The polyline through (x of row iy, centre of row iy), broken where a row has no value or lies off the axis. */
    private static Path2D.Double path(Curve c, Axis x, int ny, int left, int top, int w, int h) {
        Path2D.Double path = new Path2D.Double();
        boolean open = false;
        double lo = Math.min(x.start(), x.stop());
        double hi = Math.max(x.start(), x.stop());
        double slack = x.count() > 1 ? (hi - lo) / (x.count() - 1) : 0;
        for (int iy = 0; iy < ny; iy++) {
            double v = c.x()[iy];
            boolean on = Double.isFinite(v) && v > lo - slack && v < hi + slack && (!x.log() || v > 0);
            if (!on) {
                open = false;
                continue;
            }
            double px = left + position(x, v) * w;
            double py = top + h - (iy + 0.5) / ny * h;
            if (open) {
                path.lineTo(px, py);
            } else {
                path.moveTo(px, py);
                path.lineTo(px, py);
                open = true;
            }
        }
        return path;
    }

    private static BasicStroke stroke(Line line, float width, boolean halo) {
        float d = width / (halo ? 4.5f / 2f : 1f);
        float[] dash = switch (line) {
            case SOLID -> null;
            case DASHED -> new float[] {6 * d, 3 * d};
            case DOTTED -> new float[] {0.5f * d, 2.5f * d};
            case DASH_DOT -> new float[] {6 * d, 2.5f * d, 0.5f * d, 2.5f * d};
        };
        return dash == null ? new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                : new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    /** The outcome legend: one swatch per class with its share of cells; returns the y below it. */
    private static int legend(Graphics2D g, PhasePalette pal, PhaseMap map, int x0, int y0, int budget, int u) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12 * u));
        long[] counts = map.counts();
        String[] lines = {
            "converged: light 0 … dark " + budget + " steps",
            "diverged: light 0 … dark " + budget + " steps",
            "periodic: light p=2 … dark p=" + Periodicity.MAX_PERIOD,
            "aperiodic (bounded)",
            "slow (settling, not yet converged)"};
        int y = y0 + 6 * u;
        int bar = 150 * u;
        int total = map.nx() * map.ny();
        for (int c = 0; c < lines.length; c++) {
            boolean ramp = c <= CellClass.PERIODIC.ordinal();
            for (int k = 0; k < bar; k++) {
                double t = ramp ? k / (bar - 1.0) : (c == CellClass.APERIODIC.ordinal() ? 1.0 : 0.5);
                g.setColor(new Color(pal.level(c, t)));
                g.drawLine(x0 + k, y, x0 + k, y + 14 * u);
            }
            g.setColor(Color.BLACK);
            g.drawRect(x0, y, bar, 14 * u);
            g.drawString(lines[c], x0, y + 29 * u);
            g.drawString(String.format(Locale.ROOT, "%.1f%% of cells", 100.0 * counts[c] / total), x0, y + 43 * u);
            y += 62 * u;
        }
        return y;
    }

    /** The colour bar of a field with its ticks, and the two greys; returns the y below it. */
    private static int fieldLegend(Graphics2D g, Field field, Scale scale, PhaseMap map, int x0, int y0, int u) {
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12 * u);
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        int y = y0 + 6 * u;
        g.setColor(Color.BLACK);
        g.drawString(field.label() + (field.log() ? " (log scale)" : ""), x0, y + fm.getAscent());
        y += 22 * u;
        int bar = 200 * u;
        for (int k = 0; k < bar; k++) {
            g.setColor(new Color(PhasePalette.sequential(k / (bar - 1.0))));
            g.drawLine(x0 + k, y, x0 + k, y + 14 * u);
        }
        g.setColor(Color.BLACK);
        g.drawRect(x0, y, bar, 14 * u);
        for (double v : scale.ticks()) {
            int px = x0 + (int) Math.round(scale.fraction(v) * bar);
            g.drawLine(px, y + 14 * u, px, y + 19 * u);
            String t = tickLabel(scale, v);
            g.drawString(t, px - fm.stringWidth(t) / 2, y + 31 * u);
        }
        y += 48 * u;
        long diverged = 0;
        long missing = 0;
        for (int c = 0; c < field.values().length; c++) {
            if (!Scale.drawable(field.values()[c], field.log())) {
                if (map.cls()[c] == CellClass.DIVERGED.ordinal()) {
                    diverged++;
                } else {
                    missing++;
                }
            }
        }
        int total = map.nx() * map.ny();
        y = swatch(g, DIVERGED_GREY, String.format(Locale.ROOT, "diverged (%.1f%% of cells)", 100.0 * diverged / total),
                x0, y, u);
        y = swatch(g, NO_VALUE_GREY, String.format(Locale.ROOT, "%s (%.1f%%)", field.missing(), 100.0 * missing / total),
                x0, y, u);
        return y + 8 * u;
    }

    private static int swatch(Graphics2D g, int rgb, String text, int x0, int y, int u) {
        g.setColor(new Color(rgb));
        g.fillRect(x0, y, 28 * u, 14 * u);
        g.setColor(Color.BLACK);
        g.drawRect(x0, y, 28 * u, 14 * u);
        g.drawString(text, x0 + 36 * u, y + 12 * u);
        return y + 24 * u;
    }

    /** One line sample and label per curve. */
    private static void curveLegend(Graphics2D g, List<Curve> overlay, int x0, int y0, int u) {
        int y = y0 + 6 * u;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12 * u));
        for (Curve c : overlay) {
            int ly = y + 7 * u;
            g.setColor(Color.BLACK);
            g.setStroke(stroke(c.line(), 2f * u, false));
            g.drawLine(x0, ly, x0 + 40 * u, ly);
            g.setStroke(new BasicStroke(u));
            g.drawString(c.label(), x0 + 48 * u, y + 12 * u);
            y += 23 * u;
        }
    }

    /** Relative position of value v along the axis, 0 at the centre of the first cell and 1 at the last. */
    private static double position(Axis a, double v) {
        double f = a.log() ? Math.log(v / a.start()) / Math.log(a.stop() / a.start())
                : (v - a.start()) / (a.stop() - a.start());
        int n = a.count();
        return (f * (n - 1) + 0.5) / n;
    }

    /** The tick scale of an axis: its exact range (cell centres at the ends), no padding. */
    private static Scale scale(Axis a) {
        return Scale.exact(Math.min(a.start(), a.stop()), Math.max(a.start(), a.stop()), a.log());
    }

    /** A tick label in plain text (10^k on decade scales). */
    private static String tickLabel(Scale scale, double v) {
        return scale.tickLabel(v);
    }

    private static String axisLabel(Axis a) {
        String name = switch (a.name()) {
            case "eta" -> "step size η";
            case "eta-rel" -> "relative step η·λ_GF/2";
            case "eta-crit" -> "step relative to the convergence boundary η/η*";
            case "lambda0" -> "initial norm λ₀ = ‖a‖² + ‖b‖²";
            case "m0" -> "initial product m₀ = aᵀb";
            case "scale" -> "initialization scale σ";
            case "phi" -> "target Φ";
            case "beta" -> "momentum β";
            default -> a.name();
        };
        return a.log() ? name + " (log scale)" : name;
    }
}
