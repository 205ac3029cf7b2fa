package eoslab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Circle;
import org.knowm.xchart.style.markers.Diamond;
import org.knowm.xchart.style.markers.None;
import org.knowm.xchart.style.markers.Square;
import org.knowm.xchart.style.markers.TriangleUp;

/** Renders a {@link Chart} to PNG bytes with XChart (headless). */
final class PngRenderer {
    private static final String FONT = Font.SANS_SERIF;

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
        st.setXAxisLogarithmic(c.xAxis().log());
        st.setYAxisLogarithmic(c.yAxis().log());
        st.setXAxisMin(f.x.min);
        st.setXAxisMax(f.x.max);
        st.setYAxisMin(0, f.y.min);
        st.setYAxisMax(0, f.y.max);
        if (!c.xAxis().log()) {
            st.setxAxisTickLabelsFormattingFunction(Scale::label);
        }
        if (!c.yAxis().log()) {
            st.setyAxisTickLabelsFormattingFunction(Scale::label);
        }
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
            st.setYAxisMin(1, f.y2.min);
            st.setYAxisMax(1, f.y2.max);
        }
        for (Chart.Band b : c.bands()) {
            double x0 = Math.max(b.x0(), f.x.min);
            double x1 = Math.min(b.x1(), f.x.max);
            if (x0 >= x1) {
                continue;
            }
            XYSeries s = x.addSeries(b.label(), new double[] {x0, x1, x1, x0},
                    new double[] {f.y.min, f.y.min, f.y.max, f.y.max});
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            s.setFillColor(Palette.shade(b.shade()));
            s.setLineColor(new Color(0, 0, 0, 0));
            s.setMarker(new None());
        }
        int unnamed = 0;
        for (Chart.Series s : c.series()) {
            boolean logY = s.secondary() ? c.y2Axis().log() : c.yAxis().log();
            double[][] xy = drawable(s, c.xAxis().log(), logY);
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
                    float[] dash = Palette.dash(s.style());
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
                    xs.setMarker(new Circle());
                    xs.setMarkerColor(new Color(col.getRed(), col.getGreen(), col.getBlue(), 110));
                }
            }
        }
        if (c.series().stream().anyMatch(s -> s.kind() == Chart.Kind.DOTS)) {
            st.setMarkerSize(2);
        }
        for (Chart.Rule r : c.rules()) {
            Scale sc = r.vertical() ? f.x : f.y;
            if (!Scale.drawable(r.value(), sc.log)) {
                continue;
            }
            AnnotationLine line = new AnnotationLine(r.value(), r.vertical(), false);
            x.addAnnotation(line);
            if (r.label() != null && !r.label().isEmpty()) {
                AnnotationText t = r.vertical()
                        ? new AnnotationText(r.label(), r.value(), at(f.y, 0.95), false)
                        : new AnnotationText(r.label(), at(f.x, 0.85), r.value(), false);
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

    /** The data value at fraction t of a scale. */
    static double at(Scale s, double t) {
        return s.log ? Math.pow(10, Math.log10(s.min) + t * (Math.log10(s.max) - Math.log10(s.min)))
                : s.min + t * (s.max - s.min);
    }

    private static double[][] drawable(Chart.Series s, boolean logX, boolean logY) {
        double[] xs = new double[s.x().length];
        double[] ys = new double[s.x().length];
        int n = 0;
        for (int i = 0; i < s.x().length; i++) {
            if (Scale.drawable(s.x()[i], logX) && Scale.drawable(s.y()[i], logY)) {
                xs[n] = s.x()[i];
                ys[n] = s.y()[i];
                n++;
            }
        }
        return new double[][] {Arrays.copyOf(xs, n), Arrays.copyOf(ys, n)};
    }

    private static String uniqueName(XYChart x, String name) {
        String n = name;
        while (x.getSeriesMap().containsKey(n)) {
            n = n + " ";
        }
        return n;
    }
}
