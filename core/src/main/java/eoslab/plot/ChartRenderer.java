package eoslab.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one layout and drawing pass of every chart: margins from the measured tick and axis labels, stacked panels
 * sharing the x axis, bands, grid, raster, series, reference lines, notes, axes (a secondary axis and, then, the
 * primary one coloured like their series) and one legend under the panels. It draws on a {@link Canvas}, so the
 * PNG, SVG and PDF of a figure are the same drawing.
 */
final class ChartRenderer {
    static final double TICK_SIZE = 8;
    static final double LABEL_SIZE = 9;
    static final double LEGEND_SIZE = 8;
    static final double SMALL_SIZE = 7;
    private static final double PAD = 5;
    private static final double TICK = 3;
    private static final double PANEL_GAP = 8;
    private static final double LINE_WIDTH = 1.1;
    private static final double MARK_R = 2.1;
    private static final double DOT_R = 0.55;
    private static final double DASH_SCALE = 0.55;
    static final Color INK = new Color(0x222222);
    private static final Color FRAME = new Color(0x444444);
    private static final Color GRID = new Color(0xE6E6E6);
    private static final Color RULE = new Color(0x444444);
    private static final Color LABEL_BACK = new Color(255, 255, 255, 200);

    private final Panels panels;
    private final double width;
    private final double height;
    private final Canvas canvas;

    private ChartRenderer(Panels panels, double width, double height, Canvas canvas) {
        this.panels = panels;
        this.width = width;
        this.height = height;
        this.canvas = canvas;
    }

    /** Draws the panels on a page of width × height points. */
    static void draw(Panels panels, double width, double height, Canvas canvas) {
        new ChartRenderer(panels, width, height, canvas).draw();
    }

    /** The scales of one panel. */
    private record Frame(Scale x, Scale y, Scale y2) {
    }

    private record LegendItem(String label, Chart.Series series, Chart.Band band, Color swatch) {
    }

    // ------------------------------------------------------------------ ranges

    private static void widen(double[] r, double v) {
        r[0] = Math.min(r[0], v);
        r[1] = Math.max(r[1], v);
    }

    private static double[] empty() {
        return new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    }

    private static double[] xRange(Chart c) {
        boolean lx = c.xAxis().log();
        double[] rx = empty();
        for (Chart.Series s : c.series()) {
            boolean ly = s.secondary() ? c.y2Axis().log() : c.yAxis().log();
            for (int i = 0; i < s.x().length; i++) {
                if (Scale.drawable(s.x()[i], lx) && Scale.drawable(s.y()[i], ly)) {
                    widen(rx, s.x()[i]);
                }
            }
        }
        for (Chart.Rule r : c.rules()) {
            if (r.vertical() && Scale.drawable(r.value(), lx)) {
                widen(rx, r.value());
            }
        }
        if (c.raster() != null) {
            widen(rx, c.raster().x0());
            widen(rx, c.raster().x1());
        }
        return rx;
    }

    private static Scale yScale(Chart c, Chart.Axis axis, boolean secondary, Scale x) {
        if (axis.fixed()) {
            return Scale.exact(axis.min(), axis.max(), axis.log());
        }
        double[] r = empty();
        for (Chart.Series s : c.series()) {
            if (s.secondary() != secondary) {
                continue;
            }
            for (int i = 0; i < s.x().length; i++) {
                if (Scale.drawable(s.x()[i], x.log) && x.contains(s.x()[i]) && Scale.drawable(s.y()[i], axis.log())) {
                    widen(r, s.y()[i]);
                }
            }
        }
        if (!secondary) {
            for (Chart.Rule rule : c.rules()) {
                if (!rule.vertical() && Scale.drawable(rule.value(), axis.log())) {
                    widen(r, rule.value());
                }
            }
            if (c.raster() != null) {
                return Scale.exact(c.raster().y0(), c.raster().y1(), axis.log());
            }
        }
        return Scale.fit(r[0], r[1], axis.log());
    }

    private List<Frame> frames() {
        Chart.Axis xa = null;
        double[] rx = empty();
        for (Chart c : panels.charts()) {
            if (c.xAxis().fixed() && xa == null) {
                xa = c.xAxis();
            }
            double[] r = xRange(c);
            widen(rx, r[0]);
            widen(rx, r[1]);
        }
        Chart.Axis first = panels.charts().get(0).xAxis();
        Scale x = xa != null ? Scale.exact(xa.min(), xa.max(), xa.log())
                : panels.charts().stream().anyMatch(c -> c.raster() != null)
                ? Scale.exact(rx[0], rx[1], first.log()) : Scale.fit(rx[0], rx[1], first.log());
        List<Frame> out = new ArrayList<>();
        for (Chart c : panels.charts()) {
            out.add(new Frame(x, yScale(c, c.yAxis(), false, x),
                    c.y2Axis() == null ? null : yScale(c, c.y2Axis(), true, x)));
        }
        return out;
    }

    // ------------------------------------------------------------------ text

    static double textWidth(String markup, double size) {
        return MathText.layout(markup, size).width();
    }

    /** Draws markup with its baseline at (x, y); anchor 0 = start, 0.5 = centre, 1 = end, along the rotated line. */
    static void text(Canvas c, String markup, double x, double y, double size, Color color, double anchor,
                     double angle) {
        if (markup == null || markup.isEmpty()) {
            return;
        }
        MathText.Layout l = MathText.layout(markup, size);
        double off = -anchor * l.width();
        double cos = Math.cos(Math.toRadians(angle));
        double sin = Math.sin(Math.toRadians(angle));
        for (MathText.Run r : l.runs()) {
            double dx = off + r.dx();
            double dy = r.dy();
            c.text(r.text(), x + dx * cos - dy * sin, y + dx * sin + dy * cos, r.size(), color, angle);
        }
        for (double[] b : l.bars()) {
            double x0 = off + b[0];
            double x1 = off + b[1];
            c.stroke(new double[] {x + x0 * cos - b[2] * sin, x + x1 * cos - b[2] * sin},
                    new double[] {y + x0 * sin + b[2] * cos, y + x1 * sin + b[2] * cos}, 2, false, color,
                    0.065 * size, null);
        }
    }

    /** The axis-label size, reduced (to 5.5 pt at least) so that the label fits the given length. */
    private static double fitted(String label, double length) {
        double w = textWidth(label, LABEL_SIZE);
        return w <= length ? LABEL_SIZE : Math.max(5.5, LABEL_SIZE * length / w);
    }

    private static String maths(String number) {
        return "$" + number + "$";
    }

    private static double maxTickWidth(Scale s) {
        double w = 0;
        for (double t : s.chartTicks()) {
            w = Math.max(w, textWidth(maths(s.chartLabel(t)), TICK_SIZE));
        }
        return w;
    }

    // ------------------------------------------------------------------ layout

    private List<LegendItem> legendItems() {
        List<LegendItem> items = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Chart c : panels.charts()) {
            for (Chart.Swatch w : c.swatches()) {
                if (seen.add("swatch:" + w.label())) {
                    items.add(new LegendItem(w.label(), null, null, w.color()));
                }
            }
            for (Chart.Band b : c.bands()) {
                if (b.label() != null && !b.label().isEmpty() && seen.add("band:" + b.label())) {
                    items.add(new LegendItem(b.label(), null, b, null));
                }
            }
        }
        for (Chart c : panels.charts()) {
            for (Chart.Series s : c.series()) {
                if (s.name() != null && !s.name().isEmpty() && seen.add("series:" + s.name())) {
                    items.add(new LegendItem(s.name(), s, null, null));
                }
            }
        }
        return items;
    }

    private static double itemWidth(LegendItem it) {
        return 18 + 4 + textWidth(it.label(), LEGEND_SIZE) + 12;
    }

    private List<List<LegendItem>> legendRows(List<LegendItem> items) {
        List<List<LegendItem>> rows = new ArrayList<>();
        double avail = width - 2 * PAD;
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

    private void draw() {
        List<Frame> frames = frames();
        List<List<LegendItem>> rows = legendRows(legendItems());
        double tickW = 0;
        double tickW2 = 0;
        boolean anyY2 = false;
        for (int i = 0; i < frames.size(); i++) {
            tickW = Math.max(tickW, maxTickWidth(frames.get(i).y()));
            if (frames.get(i).y2() != null) {
                anyY2 = true;
                tickW2 = Math.max(tickW2, maxTickWidth(frames.get(i).y2()));
            }
        }
        Scale xs = frames.get(0).x();
        List<Double> xticks = xs.chartTicks();
        double lastHalf = xticks.isEmpty() ? 0
                : 0.5 * textWidth(maths(xs.chartLabel(xticks.get(xticks.size() - 1))), TICK_SIZE);
        double left = PAD + 1.2 * LABEL_SIZE + 3 + tickW + 2 + TICK;
        double right = width - (anyY2 ? PAD + 1.2 * LABEL_SIZE + 3 + tickW2 + 2 + TICK : Math.max(8, lastHalf + 3));
        double top = PAD + 1;
        double legendH = rows.isEmpty() ? 0 : 5 + rows.size() * LEGEND_SIZE * 1.55;
        double bottomBlock = TICK + 2 + TICK_SIZE * 1.05 + 4 + LABEL_SIZE * 1.2 + legendH + PAD - 1;
        double avail = height - top - bottomBlock - PANEL_GAP * (frames.size() - 1);
        double total = 0;
        for (double w : panels.weights()) {
            total += w;
        }
        double y = top;
        for (int i = 0; i < frames.size(); i++) {
            double h = avail * panels.weights()[i] / total;
            boolean last = i == frames.size() - 1;
            panel(panels.charts().get(i), frames.get(i), left, right, y, y + h, last);
            y += h + PANEL_GAP;
        }
        double plotBottom = y - PANEL_GAP;
        double xLabelBase = plotBottom + TICK + 2 + TICK_SIZE * 1.05 + 4 + LABEL_SIZE * 0.8;
        String xLabel = panels.charts().get(frames.size() - 1).xAxis().label();
        text(canvas, xLabel, (left + right) / 2, xLabelBase, fitted(xLabel, right - left), INK, 0.5, 0);
        legend(rows, xLabelBase + LABEL_SIZE * 0.4 + 5);
    }

    // ------------------------------------------------------------------ one panel

    private final class Panel {
        final Chart chart;
        final Frame f;
        final double l;
        final double r;
        final double t;
        final double b;

        Panel(Chart chart, Frame f, double l, double r, double t, double b) {
            this.chart = chart;
            this.f = f;
            this.l = l;
            this.r = r;
            this.t = t;
            this.b = b;
        }

        double px(double v) {
            return l + f.x().fraction(v) * (r - l);
        }

        double py(double v, boolean secondary) {
            Scale s = secondary ? f.y2() : f.y();
            return b - s.fraction(v) * (b - t);
        }
    }

    /** The colour of an axis: its series' colour when the chart has two y axes and the axis one colour. */
    private static Color axisColor(Chart c, boolean secondary) {
        if (c.y2Axis() == null) {
            return INK;
        }
        Color col = null;
        for (Chart.Series s : c.series()) {
            if (s.secondary() == secondary) {
                Color sc = Palette.color(s.style());
                if (col != null && !col.equals(sc)) {
                    return INK;
                }
                col = sc;
            }
        }
        return col == null ? INK : col;
    }

    private void panel(Chart c, Frame f, double l, double r, double t, double b, boolean bottom) {
        Panel p = new Panel(c, f, l, r, t, b);
        for (Chart.Band band : c.bands()) {
            double x0 = Math.max(band.x0(), f.x().min);
            double x1 = Math.min(band.x1(), f.x().max);
            if (x0 < x1 && Scale.drawable(x0, f.x().log)) {
                canvas.fillRect(p.px(x0), t, p.px(x1) - p.px(x0), b - t, Palette.shade(band.shade()));
            }
        }
        for (double v : f.x().chartTicks()) {
            canvas.stroke(new double[] {p.px(v), p.px(v)}, new double[] {t, b}, 2, false, GRID, 0.5, null);
        }
        for (double v : f.y().chartTicks()) {
            canvas.stroke(new double[] {l, r}, new double[] {p.py(v, false), p.py(v, false)}, 2, false, GRID, 0.5,
                    null);
        }
        canvas.clip(l, t, r - l, b - t);
        if (c.raster() != null) {
            Chart.Raster ra = c.raster();
            double x0 = p.px(ra.x0());
            double x1 = p.px(ra.x1());
            double y1 = p.py(ra.y1(), false);
            double y0 = p.py(ra.y0(), false);
            canvas.image(ra.image(), x0, y1, x1 - x0, y0 - y1);
        }
        for (Chart.Series s : c.series()) {
            series(p, s);
        }
        for (Chart.Rule rule : c.rules()) {
            Scale s = rule.vertical() ? f.x() : f.y();
            if (!Scale.drawable(rule.value(), s.log)) {
                continue;
            }
            float[] dash = {3f, 2f};
            if (rule.vertical()) {
                double x = p.px(rule.value());
                canvas.stroke(new double[] {x, x}, new double[] {t, b}, 2, false, RULE, 0.8, dash);
            } else {
                double y = p.py(rule.value(), false);
                canvas.stroke(new double[] {l, r}, new double[] {y, y}, 2, false, RULE, 0.8, dash);
            }
        }
        canvas.unclip();
        ruleLabels(p);
        for (Chart.Note n : c.notes()) {
            if (Scale.drawable(n.x(), f.x().log) && Scale.drawable(n.y(), f.y().log)
                    && f.x().contains(n.x()) && f.y().contains(n.y())) {
                text(canvas, n.text(), p.px(n.x()) + 2, p.py(n.y(), false) - 3, SMALL_SIZE, INK, 0, 0);
            }
        }
        canvas.stroke(new double[] {l, r, r, l}, new double[] {t, t, b, b}, 4, true, FRAME, 0.7, null);
        axes(p, bottom);
    }

    private void ruleLabels(Panel p) {
        int vertical = 0;
        for (Chart.Rule rule : p.chart.rules()) {
            Scale s = rule.vertical() ? p.f.x() : p.f.y();
            if (!Scale.drawable(rule.value(), s.log) || !s.contains(rule.value()) || rule.label() == null
                    || rule.label().isEmpty()) {
                continue;
            }
            double w = textWidth(rule.label(), SMALL_SIZE);
            double x;
            double y;
            double anchor;
            if (rule.vertical()) {
                double at = p.px(rule.value());
                y = p.t + SMALL_SIZE + 2 + (vertical++ % 2) * (SMALL_SIZE + 3);
                boolean fits = at + 3 + w < p.r - 2;
                x = fits ? at + 3 : at - 3;
                anchor = fits ? 0 : 1;
            } else {
                double at = p.py(rule.value(), false);
                boolean above = at - SMALL_SIZE - 2 > p.t;
                x = rule.start() ? p.l + 3 : p.r - 3;
                y = above ? at - 2.5 : at + SMALL_SIZE + 1.5;
                anchor = rule.start() ? 0 : 1;
            }
            // a translucent white box keeps the label legible over data
            canvas.fillRect(x - anchor * w - 1, y - SMALL_SIZE * 0.85, w + 2, SMALL_SIZE * 1.15, LABEL_BACK);
            text(canvas, rule.label(), x, y, SMALL_SIZE, RULE, anchor, 0);
        }
    }

    private void series(Panel p, Chart.Series s) {
        boolean logY = s.secondary() ? p.chart.y2Axis().log() : p.chart.yAxis().log();
        int n = s.x().length;
        double[] xs = new double[n];
        double[] ys = new double[n];
        Color col = Palette.color(s.style());
        if (s.kind() == Chart.Kind.LINE) {
            float[] dash = Palette.dash(s.style());
            if (dash != null) {
                for (int i = 0; i < dash.length; i++) {
                    dash[i] *= (float) DASH_SCALE;
                }
            }
            int k = 0;
            for (int i = 0; i <= n; i++) {
                boolean ok = i < n && Scale.drawable(s.x()[i], p.f.x().log) && Scale.drawable(s.y()[i], logY);
                if (ok) {
                    xs[k] = p.px(s.x()[i]);
                    ys[k] = p.py(s.y()[i], s.secondary());
                    k++;
                } else if (k > 0) {
                    canvas.stroke(xs, ys, k, false, col, LINE_WIDTH, dash);
                    k = 0;
                }
            }
            return;
        }
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (Scale.drawable(s.x()[i], p.f.x().log) && Scale.drawable(s.y()[i], logY)) {
                xs[k] = p.px(s.x()[i]);
                ys[k] = p.py(s.y()[i], s.secondary());
                k++;
            }
        }
        if (s.kind() == Chart.Kind.DOTS) {
            canvas.dots(xs, ys, k, DOT_R, new Color(col.getRed(), col.getGreen(), col.getBlue(), 170));
        } else {
            canvas.marks(Palette.marker(s.style()), xs, ys, k, MARK_R, col, 0.75);
        }
    }

    private void axes(Panel p, boolean bottom) {
        Frame f = p.f;
        for (double v : f.x().chartTicks()) {
            double x = p.px(v);
            canvas.stroke(new double[] {x, x}, new double[] {p.b, p.b + TICK}, 2, false, FRAME, 0.6, null);
            if (bottom) {
                text(canvas, maths(f.x().chartLabel(v)), x, p.b + TICK + 2 + TICK_SIZE * 0.76, TICK_SIZE, INK, 0.5, 0);
            }
        }
        Color yc = axisColor(p.chart, false);
        double labelX = PAD + LABEL_SIZE * 0.85;
        for (double v : f.y().chartTicks()) {
            double y = p.py(v, false);
            canvas.stroke(new double[] {p.l - TICK, p.l}, new double[] {y, y}, 2, false, FRAME, 0.6, null);
            text(canvas, maths(f.y().chartLabel(v)), p.l - TICK - 2, y + TICK_SIZE * 0.36, TICK_SIZE, yc, 1, 0);
        }
        text(canvas, p.chart.yAxis().label(), labelX, (p.t + p.b) / 2, fitted(p.chart.yAxis().label(), p.b - p.t),
                yc, 0.5, -90);
        if (f.y2() != null) {
            Color c2 = axisColor(p.chart, true);
            for (double v : f.y2().chartTicks()) {
                double y = p.py(v, true);
                canvas.stroke(new double[] {p.r, p.r + TICK}, new double[] {y, y}, 2, false, FRAME, 0.6, null);
                text(canvas, maths(f.y2().chartLabel(v)), p.r + TICK + 2, y + TICK_SIZE * 0.36, TICK_SIZE, c2, 0, 0);
            }
            text(canvas, p.chart.y2Axis().label(), width - labelX, (p.t + p.b) / 2,
                    fitted(p.chart.y2Axis().label(), p.b - p.t), c2, 0.5, 90);
        }
    }

    private void legend(List<List<LegendItem>> rows, double top) {
        double y = top + LEGEND_SIZE;
        for (List<LegendItem> row : rows) {
            double total = row.stream().mapToDouble(ChartRenderer::itemWidth).sum() - 12;
            double x = (width - total) / 2;
            for (LegendItem it : row) {
                double cy = y - LEGEND_SIZE * 0.3;
                if (it.swatch() != null) {
                    canvas.fillRect(x + 4, cy - 4, 10, 8, it.swatch());
                } else if (it.band() != null) {
                    Color c = Palette.shade(it.band().shade());
                    canvas.fillRect(x + 2, cy - 4, 14, 8, new Color(c.getRed(), c.getGreen(), c.getBlue(),
                            Math.min(255, (int) (2.2 * c.getAlpha()))));
                } else {
                    Chart.Series s = it.series();
                    Color col = Palette.color(s.style());
                    switch (s.kind()) {
                        case LINE -> {
                            float[] dash = Palette.dash(s.style());
                            if (dash != null) {
                                for (int i = 0; i < dash.length; i++) {
                                    dash[i] *= (float) DASH_SCALE;
                                }
                            }
                            canvas.stroke(new double[] {x, x + 18}, new double[] {cy, cy}, 2, false, col, LINE_WIDTH,
                                    dash);
                        }
                        case MARKERS -> canvas.marks(Palette.marker(s.style()), new double[] {x + 9},
                                new double[] {cy}, 1, MARK_R, col, 0.75);
                        case DOTS -> canvas.dots(new double[] {x + 9}, new double[] {cy}, 1, 1.6, col);
                    }
                }
                text(canvas, it.label(), x + 22, y, LEGEND_SIZE, INK, 0, 0);
                x += itemWidth(it);
            }
            y += LEGEND_SIZE * 1.55;
        }
    }
}
