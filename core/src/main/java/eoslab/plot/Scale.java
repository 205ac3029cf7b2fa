package eoslab.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The range of one axis, its mapping to [0, 1] and its ticks: nice 1-2-5 steps on linear axes; on logarithmic
 * axes whole decades (every 1, 2, 5 or 10 decades) when the range spans three decades or more, otherwise the
 * 1-2-5 values of each decade (1–9 multiples on a range narrower than that) ({@link #chartTicks()}, labels as
 * {@link Numbers} markup). {@link PhaseImage} keeps its own, older tick rule ({@link #ticks()}, plain labels).
 * Immutable.
 */
final class Scale {
    final double min;
    final double max;
    final boolean log;

    private Scale(double min, double max, boolean log) {
        this.min = min;
        this.max = max;
        this.log = log;
    }

    /** True when v can be drawn on an axis of this kind. */
    static boolean drawable(double v, boolean log) {
        return Double.isFinite(v) && (!log || v > 0);
    }

    /** The range of the drawable values with 4% padding on each side; a default range when there are none. */
    static Scale fit(double lo, double hi, boolean log) {
        if (!(lo <= hi)) {
            return log ? new Scale(0.1, 10, true) : new Scale(0, 1, false);
        }
        if (log) {
            // keep the padded range well inside the normal doubles, so that no back end ever sees 0
            lo = Math.max(lo, 1e-290);
            hi = Math.max(hi, lo);
            double a = Math.log10(lo);
            double b = Math.log10(hi);
            if (b - a < 1e-9) {
                a -= 0.5;
                b += 0.5;
            }
            double pad = 0.04 * (b - a);
            return new Scale(Math.pow(10, a - pad), Math.pow(10, b + pad), true);
        }
        if (hi - lo <= 1e-12 * Math.max(1, Math.abs(hi))) {
            double w = Math.max(1e-9, 0.5 * Math.abs(hi));
            lo -= w;
            hi += w;
        }
        double pad = 0.04 * (hi - lo);
        return new Scale(lo - pad, hi + pad, false);
    }

    /** The range [lo, hi] as it is (axes whose ends the user chose); lo &lt; hi, positive when log. */
    static Scale exact(double lo, double hi, boolean log) {
        return lo < hi && drawable(lo, log) ? new Scale(lo, hi, log) : fit(lo, hi, log);
    }

    /** Position of v in [0, 1] (outside for values beyond the range). */
    double fraction(double v) {
        if (log) {
            return (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
        }
        return (v - min) / (max - min);
    }

    /** True when v lies in the range (to rounding). */
    boolean contains(double v) {
        double f = fraction(v);
        return f >= -1e-9 && f <= 1 + 1e-9;
    }

    private int lowDecade() {
        return (int) Math.ceil(Math.log10(min) - 1e-9);
    }

    private int highDecade() {
        return (int) Math.floor(Math.log10(max) + 1e-9);
    }

    /** True when the ticks are whole decades (a logarithmic axis over three decades or more). */
    boolean decades() {
        return log && highDecade() - lowDecade() >= 2;
    }

    /** Tick positions inside the range, for charts. */
    List<Double> chartTicks() {
        List<Double> out = new ArrayList<>();
        if (log) {
            int a = lowDecade();
            int b = highDecade();
            if (decades()) {
                int stride = (int) Math.max(1, niceStep((b - a) / 6.0));
                for (int k = Math.floorDiv(a + stride - 1, stride) * stride; k <= b; k += stride) {
                    out.add(Math.pow(10, k));
                }
                return out;
            }
            for (double[] mantissas : new double[][] {{1, 2, 5}, {1, 2, 3, 4, 5, 6, 7, 8, 9}}) {
                out.clear();
                for (int k = a - 1; k <= b; k++) {
                    for (double m : mantissas) {
                        double v = m * Math.pow(10, k);
                        if (contains(v)) {
                            out.add(v);
                        }
                    }
                }
                if (out.size() >= 3) {
                    return out;
                }
            }
            if (out.size() >= 2) {
                return out;
            }
            return linearTicks();
        }
        return linearTicks();
    }

    private List<Double> linearTicks() {
        List<Double> out = new ArrayList<>();
        double step = niceStep((max - min) / 5);
        double start = Math.ceil(min / step - 1e-9) * step;
        for (double v = start; v <= max + 1e-9 * step; v += step) {
            out.add(Math.abs(v) < 1e-9 * step ? 0.0 : v);
        }
        return out;
    }

    private static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / p;
        return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * p;
    }

    /** The label of one of {@link #chartTicks()}, as maths markup: 10^{k} on decade axes, else the number. */
    String chartLabel(double v) {
        return decades() ? Numbers.powerOfTen(Math.round(Math.log10(v))) : Numbers.sig(v, 6);
    }

    // ------------------------------------------------------------------ the phase image's ticks, as they were

    /** Tick positions of {@link PhaseImage} (its own rule, unchanged: its images stay as they were). */
    List<Double> ticks() {
        List<Double> out = new ArrayList<>();
        if (log) {
            int a = (int) Math.ceil(Math.log10(min) - 1e-9);
            int b = (int) Math.floor(Math.log10(max) + 1e-9);
            if (decades()) {
                int stride = (int) Math.max(1, niceStep((b - a) / 7.0));
                for (int k = Math.floorDiv(a + stride - 1, stride) * stride; k <= b; k += stride) {
                    out.add(Math.pow(10, k));
                }
                return out;
            }
            for (int k = a - 1; k <= b; k++) {
                for (double m : new double[] {1, 2, 5}) {
                    double v = m * Math.pow(10, k);
                    if (v >= min * (1 - 1e-12) && v <= max * (1 + 1e-12)) {
                        out.add(v);
                    }
                }
            }
            return out;
        }
        double step = niceStep((max - min) / 6);
        double start = Math.ceil(min / step - 1e-9) * step;
        for (double v = start; v <= max + 1e-9 * step; v += step) {
            out.add(Math.abs(v) < 1e-12 * step ? 0.0 : v);
        }
        return out;
    }

    /** The plain-text label of one of {@link #ticks()} (10^k on decade axes). */
    String tickLabel(double v) {
        return decades() ? "10^" + Math.round(Math.log10(v)) : label(v);
    }

    /** A compact label for a tick value. */
    static String label(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e5) {
            String s = String.format(Locale.ROOT, "%.6g", v);
            if (s.contains(".")) {
                s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
            }
            return s;
        }
        String s = String.format(Locale.ROOT, "%.2e", v);
        String[] parts = s.split("e");
        String mant = parts[0].replaceAll("0+$", "").replaceAll("\\.$", "");
        int exp = Integer.parseInt(parts[1]);
        return (mant.equals("1") ? "" : mant + "×") + "10^" + exp;
    }
}
