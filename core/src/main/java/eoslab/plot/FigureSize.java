package eoslab.plot;

import java.util.Locale;

/**
 * The physical size of a figure and the resolution of its PNG: SVG and PDF are widthIn × heightIn inches (in
 * points, 72 per inch), the PNG is (widthIn·dpi) × (heightIn·dpi) pixels. Text sizes are in points, so a figure
 * keeps its proportions at any resolution.
 *
 * @param widthIn  width in inches
 * @param heightIn height in inches
 * @param dpi      PNG pixels per inch
 */
public record FigureSize(double widthIn, double heightIn, int dpi) {
    /** 6.5 × 4 inches (a page-wide figure), PNG at 150 dpi (975 × 600 pixels). */
    public static final FigureSize DEFAULT = new FigureSize(6.5, 4.0, 150);

    /** Checks the ranges. */
    public FigureSize {
        if (!(widthIn >= 1 && widthIn <= 100) || !(heightIn >= 1 && heightIn <= 100)) {
            throw new IllegalArgumentException("--size must be between 1x1 and 100x100 inches, got "
                    + widthIn + "x" + heightIn);
        }
        if (dpi < 10 || dpi > 2400 || widthIn * dpi > 20000 || heightIn * dpi > 20000) {
            throw new IllegalArgumentException("--dpi must be 10 to 2400 and the PNG at most 20000 pixels a side, got "
                    + dpi);
        }
    }

    /**
     * Parses "WxH" (inches, e.g. 6.5x4) with a resolution.
     *
     * @throws IllegalArgumentException for malformed text or sizes out of range
     */
    public static FigureSize parse(String size, int dpi) {
        String[] p = size.trim().toLowerCase(Locale.ROOT).split("[x×]");
        if (p.length != 2) {
            throw new IllegalArgumentException("--size must be WIDTHxHEIGHT in inches (e.g. 6.5x4), got '" + size + "'");
        }
        try {
            return new FigureSize(Double.parseDouble(p[0]), Double.parseDouble(p[1]), dpi);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--size must be WIDTHxHEIGHT in inches (e.g. 6.5x4), got '" + size + "'");
        }
    }

    /** Width in points. */
    public double widthPt() {
        return 72 * widthIn;
    }

    /** Height in points. */
    public double heightPt() {
        return 72 * heightIn;
    }

    /** PNG width in pixels. */
    public int widthPx() {
        return (int) Math.round(widthPt() * dpi / 72.0);
    }

    /** PNG height in pixels. */
    public int heightPx() {
        return (int) Math.round(heightPt() * dpi / 72.0);
    }

    /** "6.5x4". */
    public String text() {
        return Numbers.sig(widthIn, 6) + "x" + Numbers.sig(heightIn, 6);
    }
}
