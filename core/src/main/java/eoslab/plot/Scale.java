package eoslab.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The data range of one axis with a little padding, its mapping to [0, 1] and its tick positions (nice 1-2-5 steps
 * on linear axes, decades or 1-2-5 within decades on logarithmic ones). Immutable.
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

    /** The padded range of the drawable values; a default range when there are none. */
    static Scale fit(double lo, double hi, boolean log) {
        if (!(lo <= hi)) {
            return log ? new Scale(0.1, 10, true) : new Scale(0, 1, false);
        }
        if (log) {
            // keep the padded range well inside the normal doubles, so that the renderers never see 0
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

    /** The range [lo, hi] as it is, for axes whose ends are data (phase maps); lo &lt; hi, positive when log. */
    static Scale exact(double lo, double hi, boolean log) {
        return lo < hi ? new Scale(lo, hi, log) : fit(lo, hi, log);
    }

    /** Position of v in [0, 1] (outside for values beyond the range). */
    double fraction(double v) {
        if (log) {
            return (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
        }
        return (v - min) / (max - min);
    }

    /** Tick positions inside the range. */
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

    private static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / p;
        return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * p;
    }

    /** True when the ticks are whole decades (a wide logarithmic axis). */
    boolean decades() {
        return log && Math.floor(Math.log10(max) + 1e-9) - Math.ceil(Math.log10(min) - 1e-9) >= 2;
    }

    /** The label of one of this scale's ticks: powers of ten on decade axes, else {@link #label(double)}. */
    String tickLabel(double v) {
        return decades() ? "10^" + Math.round(Math.log10(v)) : label(v);
    }

    /** A power of ten with a Unicode superscript exponent, e.g. 10⁻¹²; for renderers without markup. */
    static String powerOfTen(long k) {
        String digits = Long.toString(k);
        StringBuilder sb = new StringBuilder("10");
        for (char ch : digits.toCharArray()) {
            sb.append(ch == '-' ? '⁻' : "⁰¹²³⁴⁵⁶⁷⁸⁹".charAt(ch - '0'));
        }
        return sb.toString();
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
