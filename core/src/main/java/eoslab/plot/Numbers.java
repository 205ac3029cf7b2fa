package eoslab.plot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers as a reader expects them, in {@link MathText} maths markup (without the dollar signs): a stated number of
 * significant digits, trailing zeros dropped, a true minus sign, and powers of ten written 1.8×10^{−15} (never
 * 1.7763568394002505E-15) outside [10⁻³, 10⁶).
 */
public final class Numbers {
    private static final char MINUS = '−';

    private Numbers() {
    }

    /**
     * x to n significant digits (round half even), trailing zeros dropped.
     *
     * @throws IllegalArgumentException if x is not finite or n &lt; 1
     */
    public static String sig(double x, int n) {
        if (!Double.isFinite(x) || n < 1) {
            throw new IllegalArgumentException("cannot format " + x + " to " + n + " digits");
        }
        if (x == 0) {
            return "0";
        }
        BigDecimal bd = new BigDecimal(x).round(new MathContext(n, RoundingMode.HALF_EVEN));
        int exp = bd.precision() - bd.scale() - 1;
        String sign = bd.signum() < 0 ? String.valueOf(MINUS) : "";
        bd = bd.abs();
        if (exp < -3 || exp >= 6) {
            String mant = bd.movePointLeft(exp).stripTrailingZeros().toPlainString();
            return sign + (mant.equals("1") ? "" : mant + "×") + "10^{" + (exp < 0 ? MINUS + "" + (-exp) : exp) + "}";
        }
        return sign + bd.stripTrailingZeros().toPlainString();
    }

    /** A count, digits grouped by three with a narrow space from 10 000 on. */
    public static String count(long n) {
        String s = Long.toString(Math.abs(n));
        if (s.length() > 4) {
            StringBuilder g = new StringBuilder();
            for (int i = 0; i < s.length(); i++) {
                if (i > 0 && (s.length() - i) % 3 == 0) {
                    g.append('\u202F');
                }
                g.append(s.charAt(i));
            }
            s = g.toString();
        }
        return (n < 0 ? String.valueOf(MINUS) : "") + s;
    }

    /** A percentage of a fraction, to n significant digits ("12.5%"). */
    public static String percent(double fraction, int n) {
        return sig(100 * fraction, n) + "%";
    }

    /** 10^{k}, also for k = 0 and 1 (the labels of a decade axis). */
    public static String powerOfTen(long k) {
        return "10^{" + (k < 0 ? MINUS + "" + (-k) : k) + "}";
    }
}
