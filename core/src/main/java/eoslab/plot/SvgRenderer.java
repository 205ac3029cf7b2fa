package eoslab.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link Chart} as a standalone SVG document: axes with ticks and grid, series, reference lines, shaded
 * bands and a legend below the plot. All text is real {@code <text>} elements (searchable, selectable, editable).
 */
final class SvgRenderer {
    private static final String FONT = "font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\"";
    private static final double CHAR_W = 7.0;

    private final Chart chart;
    private final Frame frame;
    private final int width;
    private final int height;
    private final StringBuilder sb = new StringBuilder();
    private double left;
    private double right;
    private double top;
    private double bottom;

    private SvgRenderer(Chart chart, int width, int height) {
        this.chart = chart;
        this.frame = Frame.of(chart);
        this.width = width;
        this.height = height;
    }

    static String render(Chart c, int width, int height) {
        return new SvgRenderer(c, width, height).draw();
    }

    private record LegendItem(String label, Chart.Series series, Chart.Band band) {
    }

    private String draw() {
        List<LegendItem> legend = legendItems();
        List<List<LegendItem>> rows = legendRows(legend);
        left = 20 + 16 + maxLabelWidth(frame.y) + 10;
        right = width - (chart.y2Axis() == null ? 24 : 20 + 16 + maxLabelWidth(frame.y2) + 10);
        top = chart.title() == null || chart.title().isEmpty() ? 16 : 44;
        bottom = height - (58 + 22.0 * rows.size());
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\">%n", width, height, width, height));
        sb.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>%n",
                width, height));
        sb.append(String.format(Locale.ROOT, "<defs><clipPath id=\"plot\"><rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" "
                + "height=\"%.2f\"/></clipPath></defs>%n", left, top, right - left, bottom - top));
        if (top > 20) {
            text(width / 2.0, 28, chart.title(), 16, "middle", "font-weight=\"bold\"");
        }
        bands();
        grid();
        sb.append("<g clip-path=\"url(#plot)\">\n");
        for (Chart.Series s : chart.series()) {
            series(s);
        }
        rules();
        sb.append("</g>\n");
        sb.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" "
                + "fill=\"none\" stroke=\"#404040\" stroke-width=\"1\"/>%n", left, top, right - left, bottom - top));
        axes();
        legend(rows);
        sb.append("</svg>\n");
        return sb.toString();
    }

    private double px(double v) {
        return left + frame.x.fraction(v) * (right - left);
    }

    private double py(double v, boolean secondary) {
        Scale s = secondary ? frame.y2 : frame.y;
        return bottom - s.fraction(v) * (bottom - top);
    }

    private void bands() {
        for (Chart.Band b : chart.bands()) {
            double x0 = Math.max(b.x0(), frame.x.min);
            double x1 = Math.min(b.x1(), frame.x.max);
            if (x0 >= x1 || !Scale.drawable(x0, frame.x.log)) {
                continue;
            }
            Color c = Palette.shade(b.shade());
            sb.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" "
                    + "fill=\"%s\" fill-opacity=\"%.3f\"/>%n", px(x0), top, px(x1) - px(x0), bottom - top,
                    Palette.hex(c), c.getAlpha() / 255.0));
        }
    }

    private void grid() {
        for (double t : frame.x.ticks()) {
            line(px(t), top, px(t), bottom, "#e1e1e1", 1, null);
        }
        for (double t : frame.y.ticks()) {
            line(left, py(t, false), right, py(t, false), "#e1e1e1", 1, null);
        }
    }

    private void axes() {
        for (double t : frame.x.ticks()) {
            line(px(t), bottom, px(t), bottom + 5, "#404040", 1, null);
            tickText(px(t), bottom + 19, frame.x.tickLabel(t), "middle");
        }
        for (double t : frame.y.ticks()) {
            line(left - 5, py(t, false), left, py(t, false), "#404040", 1, null);
            tickText(left - 8, py(t, false) + 4, frame.y.tickLabel(t), "end");
        }
        text((left + right) / 2, bottom + 42, chart.xAxis().label(), 14, "middle", "");
        double cy = (top + bottom) / 2;
        sb.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%.2f\" font-size=\"14\" %s text-anchor=\"middle\" "
                + "transform=\"rotate(-90 %.2f %.2f)\">%s</text>%n", 20.0, cy, FONT, 20.0, cy,
                escape(chart.yAxis().label())));
        if (chart.y2Axis() != null) {
            for (double t : frame.y2.ticks()) {
                line(right, py(t, true), right + 5, py(t, true), "#404040", 1, null);
                tickText(right + 8, py(t, true) + 4, frame.y2.tickLabel(t), "start");
            }
            double x = width - 14.0;
            sb.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%.2f\" font-size=\"14\" %s "
                    + "text-anchor=\"middle\" transform=\"rotate(90 %.2f %.2f)\">%s</text>%n", x, cy, FONT, x, cy,
                    escape(chart.y2Axis().label())));
        }
    }

    private void series(Chart.Series s) {
        Color c = Palette.color(s.style());
        String col = Palette.hex(c);
        boolean logY = s.secondary() ? chart.y2Axis().log() : chart.yAxis().log();
        if (s.kind() == Chart.Kind.LINE) {
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i <= s.x().length; i++) {
                boolean ok = i < s.x().length && Scale.drawable(s.x()[i], frame.x.log)
                        && Scale.drawable(s.y()[i], logY);
                if (ok) {
                    pts.append(String.format(Locale.ROOT, "%.2f,%.2f ", px(s.x()[i]), py(s.y()[i], s.secondary())));
                } else if (pts.length() > 0) {
                    sb.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" "
                            + "stroke-width=\"2\" stroke-linejoin=\"round\"%s/>%n", pts.toString().trim(), col,
                            dashAttr(Palette.dash(s.style()))));
                    pts.setLength(0);
                }
            }
            return;
        }
        sb.append(String.format(Locale.ROOT, "<g fill=\"%s\" stroke=\"%s\"%s>%n",
                s.kind() == Chart.Kind.DOTS ? col : "none", s.kind() == Chart.Kind.DOTS ? "none" : col,
                s.kind() == Chart.Kind.DOTS ? " fill-opacity=\"0.45\"" : " stroke-width=\"1.5\""));
        for (int i = 0; i < s.x().length; i++) {
            if (Scale.drawable(s.x()[i], frame.x.log) && Scale.drawable(s.y()[i], logY)) {
                double x = px(s.x()[i]);
                double y = py(s.y()[i], s.secondary());
                if (s.kind() == Chart.Kind.DOTS) {
                    sb.append(String.format(Locale.ROOT, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"1\"/>%n", x, y));
                } else {
                    marker(Palette.marker(s.style()), x, y);
                }
            }
        }
        sb.append("</g>\n");
    }

    private void marker(Palette.Marker m, double x, double y) {
        double r = 3.8;
        switch (m) {
            case CIRCLE -> sb.append(String.format(Locale.ROOT, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"%.1f\"/>%n",
                    x, y, r));
            case SQUARE -> sb.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.1f\" "
                    + "height=\"%.1f\"/>%n", x - r, y - r, 2 * r, 2 * r));
            case TRIANGLE -> sb.append(String.format(Locale.ROOT, "<path d=\"M%.2f %.2f L%.2f %.2f L%.2f %.2f Z\"/>%n",
                    x, y - r, x + r, y + r, x - r, y + r));
            case DIAMOND -> sb.append(String.format(Locale.ROOT, "<path d=\"M%.2f %.2f L%.2f %.2f L%.2f %.2f "
                    + "L%.2f %.2f Z\"/>%n", x, y - r, x + r, y, x, y + r, x - r, y));
        }
    }

    private void rules() {
        for (Chart.Rule r : chart.rules()) {
            Scale s = r.vertical() ? frame.x : frame.y;
            if (!Scale.drawable(r.value(), s.log)) {
                continue;
            }
            if (r.vertical()) {
                double x = px(r.value());
                line(x, top, x, bottom, "#404040", 1.2, new float[] {5f, 4f});
                if (r.label() != null && !r.label().isEmpty()) {
                    boolean fits = x + 8 + CHAR_W * r.label().length() < right;
                    text(fits ? x + 4 : x - 4, top + 14, r.label(), 12, fits ? "start" : "end", "fill=\"#404040\"");
                }
            } else {
                double y = py(r.value(), false);
                line(left, y, right, y, "#404040", 1.2, new float[] {5f, 4f});
                if (r.label() != null && !r.label().isEmpty()) {
                    text(right - 4, y - 5, r.label(), 12, "end", "fill=\"#404040\"");
                }
            }
        }
    }

    private List<LegendItem> legendItems() {
        List<LegendItem> items = new ArrayList<>();
        chart.bands().forEach(b -> items.add(new LegendItem(b.label(), null, b)));
        chart.series().stream().filter(s -> s.name() != null && !s.name().isEmpty())
                .forEach(s -> items.add(new LegendItem(s.name(), s, null)));
        return items;
    }

    private static double itemWidth(LegendItem it) {
        return 34 + CHAR_W * it.label().length() + 18;
    }

    private List<List<LegendItem>> legendRows(List<LegendItem> items) {
        List<List<LegendItem>> rows = new ArrayList<>();
        double avail = width - 40;
        List<LegendItem> row = new ArrayList<>();
        double used = 0;
        for (LegendItem it : items) {
            double w = itemWidth(it);
            if (!row.isEmpty() && used + w > avail) {
                rows.add(row);
                row = new ArrayList<>();
                used = 0;
            }
            row.add(it);
            used += w;
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return rows;
    }

    private void legend(List<List<LegendItem>> rows) {
        double y = bottom + 66;
        for (List<LegendItem> row : rows) {
            double total = row.stream().mapToDouble(SvgRenderer::itemWidth).sum();
            double x = (width - total) / 2;
            for (LegendItem it : row) {
                if (it.band() != null) {
                    Color c = Palette.shade(it.band().shade());
                    sb.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"26\" height=\"12\" "
                            + "fill=\"%s\" fill-opacity=\"%.3f\" stroke=\"#bbbbbb\"/>%n", x, y - 10, Palette.hex(c),
                            Math.min(1.0, 2.5 * c.getAlpha() / 255.0)));
                } else {
                    Chart.Series s = it.series();
                    String col = Palette.hex(Palette.color(s.style()));
                    if (s.kind() == Chart.Kind.LINE) {
                        line(x, y - 4, x + 26, y - 4, col, 2, Palette.dash(s.style()));
                    } else if (s.kind() == Chart.Kind.DOTS) {
                        sb.append(String.format(Locale.ROOT, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"2.5\" "
                                + "fill=\"%s\"/>%n", x + 13, y - 4, col));
                    } else {
                        sb.append(String.format(Locale.ROOT, "<g fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\">%n",
                                col));
                        marker(Palette.marker(s.style()), x + 13, y - 4);
                        sb.append("</g>\n");
                    }
                }
                text(x + 34, y, it.label(), 12, "start", "");
                x += itemWidth(it);
            }
            y += 22;
        }
    }

    private double maxLabelWidth(Scale s) {
        return s.ticks().stream().mapToDouble(t -> CHAR_W * s.tickLabel(t).length()).max().orElse(20);
    }

    private void line(double x1, double y1, double x2, double y2, String color, double w, float[] dash) {
        sb.append(String.format(Locale.ROOT, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"%s\" "
                + "stroke-width=\"%.1f\"%s/>%n", x1, y1, x2, y2, color, w, dashAttr(dash)));
    }

    private static String dashAttr(float[] dash) {
        if (dash == null) {
            return "";
        }
        StringBuilder d = new StringBuilder();
        for (float f : dash) {
            d.append(d.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.1f", f));
        }
        return " stroke-dasharray=\"" + d + "\"";
    }

    private void tickText(double x, double y, String label, String anchor) {
        int caret = label.indexOf("^");
        if (caret < 0) {
            text(x, y, label, 12, anchor, "");
            return;
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%.2f\" font-size=\"12\" %s text-anchor=\"%s\">"
                + "%s<tspan dy=\"-5\" font-size=\"9\">%s</tspan></text>%n", x, y, FONT, anchor,
                escape(label.substring(0, caret)), escape(label.substring(caret + 1))));
    }

    private void text(double x, double y, String s, int size, String anchor, String extra) {
        sb.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%.2f\" font-size=\"%d\" %s text-anchor=\"%s\" %s>"
                + "%s</text>%n", x, y, size, FONT, anchor, extra, escape(s)));
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (ch >= 0x20 || ch == '\t' || ch == '\n') {
                        out.append(ch);
                    }
                }
            }
        }
        return out.toString();
    }
}
