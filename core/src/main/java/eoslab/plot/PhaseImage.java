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
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws a phase map as a raster image with Java2D: one block of pixels per cell (the smaller maps enlarged to about
 * 512 pixels), axes with ticks and labels, a title and a legend of the {@link PhasePalette}. Row 0 is at the bottom.
 * Text, margins and the legend grow with the map (one unit per 700 pixels), so labels stay readable on large maps.
 */
public final class PhaseImage {
    private static final int LEFT = 90;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;
    private static final int RIGHT = 300;
    private static final int TARGET = 512;

    private PhaseImage() {
    }

    /**
     * The PNG bytes of a map.
     *
     * @param x      the x axis (columns)
     * @param y      the y axis (rows, row 0 at the bottom)
     * @param budget the step budget per cell (the lightness scale of converged and diverged cells)
     */
    public static byte[] png(PhaseMap map, Axis x, Axis y, int budget, String title) {
        BufferedImage img = render(map, x, y, budget, title);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The image of a map (see {@link #png}). */
    public static BufferedImage render(PhaseMap map, Axis x, Axis y, int budget, String title) {
        int nx = map.nx();
        int ny = map.ny();
        int s = Math.max(1, TARGET / Math.max(nx, ny));
        int w = nx * s;
        int h = ny * s;
        int u = Math.max(1, (int) Math.round(Math.max(w, h) / 700.0));
        final int left = LEFT * u;
        final int top = TOP * u;
        BufferedImage img = new BufferedImage(left + w + RIGHT * u, top + Math.max(h, 330 * u) + BOTTOM * u,
                BufferedImage.TYPE_INT_RGB);
        PhasePalette pal = new PhasePalette(budget);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        for (int iy = 0; iy < ny; iy++) {
            int py = top + h - (iy + 1) * s;
            for (int ix = 0; ix < nx; ix++) {
                int c = iy * nx + ix;
                int rgb = pal.color(map.cls()[c], map.steps()[c], map.period()[c]);
                for (int dy = 0; dy < s; dy++) {
                    for (int dx = 0; dx < s; dx++) {
                        img.setRGB(left + ix * s + dx, py + dy, rgb);
                    }
                }
            }
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
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
            String t = xs.tickLabel(v);
            g.drawString(t, px - fm.stringWidth(t) / 2, top + h + 18 * u);
        }
        for (double v : ys.ticks()) {
            int py = top + h - (int) Math.round(position(y, v) * h);
            g.drawLine(left - 6 * u, py, left - 1, py);
            String t = ys.tickLabel(v);
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
        legend(g, pal, map, left + w + 24 * u, top, budget, u);
        g.dispose();
        return img;
    }

    private static void legend(Graphics2D g, PhasePalette pal, PhaseMap map, int x0, int y0, int budget, int u) {
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

    private static String axisLabel(Axis a) {
        String name = switch (a.name()) {
            case "eta" -> "step size η";
            case "eta-rel" -> "relative step η·λ_GF/2";
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
