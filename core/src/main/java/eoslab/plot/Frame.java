package eoslab.plot;

/**
 * The scales of a chart's axes, fitted to what it draws: series (per their axis), reference lines; bands are clipped
 * to the result. Shared by both renderers so that PNG and SVG show the same ranges.
 */
final class Frame {
    final Scale x;
    final Scale y;
    final Scale y2;

    private Frame(Scale x, Scale y, Scale y2) {
        this.x = x;
        this.y = y;
        this.y2 = y2;
    }

    static Frame of(Chart c) {
        boolean lx = c.xAxis().log();
        boolean ly = c.yAxis().log();
        boolean ly2 = c.y2Axis() != null && c.y2Axis().log();
        double[] rx = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] ry = rx.clone();
        double[] ry2 = rx.clone();
        for (Chart.Series s : c.series()) {
            boolean logY = s.secondary() ? ly2 : ly;
            double[] r = s.secondary() ? ry2 : ry;
            for (int i = 0; i < s.x().length; i++) {
                if (Scale.drawable(s.x()[i], lx) && Scale.drawable(s.y()[i], logY)) {
                    widen(rx, s.x()[i]);
                    widen(r, s.y()[i]);
                }
            }
        }
        for (Chart.Rule rule : c.rules()) {
            if (rule.vertical() && Scale.drawable(rule.value(), lx)) {
                widen(rx, rule.value());
            } else if (!rule.vertical() && Scale.drawable(rule.value(), ly)) {
                widen(ry, rule.value());
            }
        }
        return new Frame(Scale.fit(rx[0], rx[1], lx), Scale.fit(ry[0], ry[1], ly),
                c.y2Axis() == null ? null : Scale.fit(ry2[0], ry2[1], ly2));
    }

    private static void widen(double[] r, double v) {
        r[0] = Math.min(r[0], v);
        r[1] = Math.max(r[1], v);
    }
}
