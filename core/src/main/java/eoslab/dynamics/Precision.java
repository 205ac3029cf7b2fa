package eoslab.dynamics;

/**
 * The arithmetic of a GD run: {@code double} or {@code decimal:N} (the reduced
 * recursion in N significant digits, the shallow model's decimal engine).
 *
 * @param digits significant decimal digits, or 0 for double precision
 */
public record Precision(int digits) {
    /** Double precision. */
    public static final Precision DOUBLE = new Precision(0);
    /** Fewest digits accepted for decimal arithmetic (more than a double carries). */
    public static final int MIN_DIGITS = 17;
    /**
     * Most digits accepted: one decimal step costs about N² digit operations, so at N = 1000 a step takes some
     * milliseconds and long runs already take hours.
     */
    public static final int MAX_DIGITS = 1000;

    /** Validates the digits. */
    public Precision {
        if (digits != 0 && (digits < MIN_DIGITS || digits > MAX_DIGITS)) {
            throw new IllegalArgumentException("decimal precision needs " + MIN_DIGITS + " to " + MAX_DIGITS
                    + " digits, got " + digits);
        }
    }

    /**
     * Parses {@code double} or {@code decimal:N}.
     *
     * @throws IllegalArgumentException on anything else
     */
    public static Precision parse(String text) {
        if (text.equals("double")) {
            return DOUBLE;
        }
        if (text.startsWith("decimal:")) {
            long n;
            try {
                n = Long.parseLong(text.substring("decimal:".length()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--precision must be double or decimal:N, got '" + text + "'");
            }
            if (n < MIN_DIGITS || n > MAX_DIGITS) {
                throw new IllegalArgumentException("--precision decimal:N needs " + MIN_DIGITS + " <= N <= "
                        + MAX_DIGITS + ", got " + n);
            }
            return new Precision((int) n);
        }
        throw new IllegalArgumentException("--precision must be double or decimal:N, got '" + text + "'");
    }

    /** True for decimal arithmetic. */
    public boolean decimal() {
        return digits > 0;
    }


    /** {@code double} or {@code decimal:N}. */
    public String label() {
        return decimal() ? "decimal:" + digits : "double";
    }
}
