package eoslab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Circle;
import org.knowm.xchart.style.markers.Diamond;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.None;
import org.knowm.xchart.style.markers.Square;
import org.knowm.xchart.style.markers.TriangleUp;

/** Renders a {@link Chart} to PNG bytes with XChart (headless). */
final class PngRenderer {
    private static final String FONT = Font.SANS_SERIF;
    private static final double LABEL_CHAR_PX = 7.0;

    private PngRenderer() {
    }

    static byte[] render(Chart c, int width, int height) {
        Frame f = Frame.of(c);
        XYChart x = new XYChart(width, height);
        x.setTitle(c.title());
        x.setXAxisTitle(c.xAxis().label());
        x.setYAxisTitle(c.yAxis().label());
        var st = x.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotBorderColor(Color.DARK_GRAY);
        st.setPlotGridLinesColor(new Color(225, 225, 225));
        st.setChartTitleFont(new Font(FONT, Font.BOLD, 16));
        st.setAxisTitleFont(new Font(FONT, Font.PLAIN, 14));
        st.setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, 12));
        st.setLegendFont(new Font(FONT, Font.PLAIN, 12));
        st.setLegendPosition(Styler.LegendPosition.OutsideS);
        st.setLegendLayout(Styler.LegendLayout.Horizontal);
        st.setLegendBorderColor(Color.WHITE);
        st.setAntiAlias(true);
        // log axes are drawn as linear axes over log10 of the data, with power-of-ten labels: XChart's own log axes
        // label every decade, which is unreadable over the hundreds of decades that residuals span
        Axis ax = new Axis(f.x);
        Axis ay = new Axis(f.y);
        Axis ay2 = f.y2 == null ? null : new Axis(f.y2);
        st.setXAxisMin(ax.lo);
        st.setXAxisMax(ax.hi);
        st.setYAxisMin(0, ay.lo);
        st.setYAxisMax(0, ay.hi);
        st.setxAxisTickLabelsFormattingFunction(ax::label);
        st.setyAxisTickLabelsFormattingFunction(ay::label);
        st.setMarkerSize(7);
        st.setPlotContentSize(1.0);
        st.setAnnotationLineColor(Color.DARK_GRAY);
        st.setAnnotationLineStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {5f, 4f}, 0f));
        st.setAnnotationTextFontColor(Color.DARK_GRAY);
        st.setAnnotationTextFont(new Font(FONT, Font.PLAIN, 12));
        if (c.y2Axis() != null) {
            st.setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
            x.setYAxisGroupTitle(1, c.y2Axis().label());
            st.setYAxisMin(1, ay2.lo);
            st.setYAxisMax(1, ay2.hi);
        }
        for (Chart.Band b : c.bands()) {
            double x0 = Math.max(b.x0(), f.x.min);
            double x1 = Math.min(b.x1(), f.x.max);
            if (x0 >= x1) {
                continue;
            }
            XYSeries s = x.addSeries(b.label(), new double[] {ax.map(x0), ax.map(x1), ax.map(x1), ax.map(x0)},
                    new double[] {ay.lo, ay.lo, ay.hi, ay.hi});
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            s.setFillColor(Palette.shade(b.shade()));
            s.setLineColor(new Color(0, 0, 0, 0));
            s.setMarker(new None());
        }
        int unnamed = 0;
        for (Chart.Series s : c.series()) {
            double[][] xy = drawable(s, ax, s.secondary() ? ay2 : ay);
            float[] dash = s.kind() == Chart.Kind.LINE ? Palette.dash(s.style()) : null;
            if (dash != null) {
                xy = spaced(xy, ax, s.secondary() ? ay2 : ay, width - 160.0, height - 150.0, minSegment(dash));
            }
            if (xy[0].length == 0) {
                continue;
            }
            String name = uniqueName(x, s.name() == null || s.name().isEmpty() ? " " + (unnamed++) : s.name());
            XYSeries xs = x.addSeries(name, xy[0], xy[1]);
            Color col = Palette.color(s.style());
            xs.setLineColor(col);
            xs.setMarkerColor(col);
            if (s.secondary()) {
                xs.setYAxisGroup(1);
            }
            switch (s.kind()) {
                case LINE -> {
                    xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                    xs.setLineStyle(dash == null ? new BasicStroke(2f)
                            : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f));
                    xs.setMarker(new None());
                }
                case MARKERS -> {
                    xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                    xs.setMarker(switch (Palette.marker(s.style())) {
                        case CIRCLE -> new Circle();
                        case SQUARE -> new Square();
                        case TRIANGLE -> new TriangleUp();
                        case DIAMOND -> new Diamond();
                    });
                }
                case DOTS -> {
                    xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                    xs.setMarker(new Dot());
                    xs.setMarkerColor(new Color(col.getRed(), col.getGreen(), col.getBlue(), 110));
                }
            }
        }
        for (Chart.Rule r : c.rules()) {
            Scale sc = r.vertical() ? f.x : f.y;
            if (!Scale.drawable(r.value(), sc.log)) {
                continue;
            }
            AnnotationLine line = new AnnotationLine((r.vertical() ? ax : ay).map(r.value()), r.vertical(), false);
            x.addAnnotation(line);
            if (r.label() != null && !r.label().isEmpty()) {
                // AnnotationText is centred on its anchor: shift it beside the line, not across it
                double halfText = (LABEL_CHAR_PX * r.label().length() / 2 + 5) / (width - 160.0);
                AnnotationText t = r.vertical()
                        ? new AnnotationText(r.label(), ax.at(f.x.fraction(r.value())
                                + (f.x.fraction(r.value()) + 2 * halfText < 0.99 ? halfText : -halfText)), ay.at(0.96), false)
                        : new AnnotationText(r.label(), ax.at(0.97 - halfText),
                                ay.at(f.y.fraction(r.value()) + 12.0 / (height - 150.0)), false);
                x.addAnnotation(t);
            }
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BitmapEncoder.saveBitmap(x, out, BitmapEncoder.BitmapFormat.PNG);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A 3-pixel filled disc whatever the styler's marker size (so dots and markers can share a chart). */
    private static final class Dot extends Marker {
        @Override
        public void paint(Graphics2D g, double x, double y, int markerSize) {
            g.fill(new Ellipse2D.Double(x - 1.5, y - 1.5, 3, 3));
        }
    }

    /** An axis as XChart sees it: linear in the data, or in log10 of the data for a logarithmic scale. */
    private static final class Axis {
        final Scale scale;
        final double lo;
        final double hi;

        Axis(Scale scale) {
            this.scale = scale;
            this.lo = map(scale.min);
            this.hi = map(scale.max);
        }

        double map(double v) {
            return scale.log ? Math.log10(v) : v;
        }

        /** The plotted coordinate at fraction t of the range. */
        double at(double t) {
            return lo + t * (hi - lo);
        }

        String label(double v) {
            if (!scale.log) {
                return Scale.label(v);
            }
            long k = Math.round(v);
            if (Math.abs(v - k) < 1e-9) {
                return Math.abs(k) <= 3 ? Scale.label(Math.pow(10, k)) : Scale.powerOfTen(k);
            }
            // between decades: the true value at this position, to two significant digits
            return new BigDecimal(Math.pow(10, v)).round(new MathContext(2)).stripTrailingZeros()
                    .toPlainString();
        }
    }

    private static double[][] drawable(Chart.Series s, Axis ax, Axis ay) {
        double[] xs = new double[s.x().length];
        double[] ys = new double[s.x().length];
        int n = 0;
        for (int i = 0; i < s.x().length; i++) {
            if (Scale.drawable(s.x()[i], ax.scale.log) && Scale.drawable(s.y()[i], ay.scale.log)) {
                xs[n] = ax.map(s.x()[i]);
                ys[n] = ay.map(s.y()[i]);
                n++;
            }
        }
        return new double[][] {Arrays.copyOf(xs, n), Arrays.copyOf(ys, n)};
    }

    /** The shortest segment that shows a dash pattern: one period of it, between 4 and 12 pixels. */
    private static double minSegment(float[] dash) {
        double period = 0;
        for (float f : dash) {
            period += f;
        }
        return Math.max(4.0, Math.min(12.0, period));
    }

    /**
     * Drops the points of a dashed line that lie within minPx pixels of the previous kept point (the last point is
     * always kept). XChart restarts the dash pattern at every segment, so a line of sub-pixel segments would look
     * solid; this keeps the dashes (and the series' greyscale identity) at a cost of at most minPx pixels of shape.
     * The SVG and the data files keep every point.
     */
    private static double[][] spaced(double[][] xy, Axis ax, Axis ay, double plotWidth, double plotHeight,
                                     double minPx) {
        double[] xs = xy[0];
        double[] ys = xy[1];
        int n = xs.length;
        if (n < 3) {
            return xy;
        }
        double sx = plotWidth / (ax.hi - ax.lo);
        double sy = plotHeight / (ay.hi - ay.lo);
        double[] kx = new double[n];
        double[] ky = new double[n];
        int k = 0;
        kx[k] = xs[0];
        ky[k++] = ys[0];
        for (int i = 1; i < n; i++) {
            double dx = (xs[i] - kx[k - 1]) * sx;
            double dy = (ys[i] - ky[k - 1]) * sy;
            if (dx * dx + dy * dy >= minPx * minPx || i == n - 1) {
                kx[k] = xs[i];
                ky[k++] = ys[i];
            }
        }
        return new double[][] {Arrays.copyOf(kx, k), Arrays.copyOf(ky, k)};
    }

    private static String uniqueName(XYChart x, String name) {
        String n = name;
        while (x.getSeriesMap().containsKey(n)) {
            n = n + " ";
        }
        return n;
    }
}
