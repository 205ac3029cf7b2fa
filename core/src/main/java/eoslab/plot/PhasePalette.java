package eoslab.plot;

import eoslab.dynamics.CellClass;
import eoslab.dynamics.Periodicity;

/**
 * The perceptual colour map of phase maps: the outcome sets the hue, and the steps (or the period) set the
 * lightness, both in the OKLCH space, so equal lightness steps look equally different. Converged and diverged cells
 * go from light (few steps) to dark (many, on a log scale up to the budget); periodic cells from light (period 2) to
 * dark (period 64); aperiodic cells are dark magenta, slow cells a muted mid-grey-yellow. For continuous quantities
 * {@link #sequential} is a perceptual sequential map (dark violet through teal to light yellow, like viridis), whose
 * OKLCH lightness rises linearly, so it reads in greyscale too.
 */
public final class PhasePalette {
    private static final int LEVELS = 256;
    private static final double[] HUE = {250, 28, 145, 325, 85};
    private static final double[] CHROMA = {0.13, 0.15, 0.13, 0.14, 0.05};
    private final int[][] rgb = new int[CellClass.values().length][LEVELS];
    private final int budget;

    /** A palette for maps with the given step budget. */
    public PhasePalette(int budget) {
        this.budget = budget;
        for (int c = 0; c < rgb.length; c++) {
            for (int k = 0; k < LEVELS; k++) {
                double t = k / (LEVELS - 1.0);
                rgb[c][k] = oklch(0.93 - 0.6 * t, CHROMA[c], HUE[c]);
            }
        }
    }

    /** The colour (0xRRGGBB) of a cell. */
    public int color(int cls, int steps, int period) {
        CellClass c = CellClass.of(cls);
        double t = switch (c) {
            case CONVERGED, DIVERGED -> budget <= 0 ? 0 : Math.log1p(steps) / Math.log1p(budget);
            case PERIODIC -> Math.log(period / 2.0) / Math.log(Periodicity.MAX_PERIOD / 2.0);
            case APERIODIC -> 1.0;
            case SLOW -> 0.5;
        };
        return level(cls, t);
    }

    /** The colour of a class at lightness parameter t ∈ [0, 1] (0 = lightest). */
    public int level(int cls, double t) {
        int k = (int) Math.round(Math.max(0, Math.min(1, t)) * (LEVELS - 1));
        return rgb[cls][k];
    }

    /**
     * The sequential colour map at t ∈ [0, 1] (clamped): OKLCH lightness 0.28 → 0.93 linearly, hue 305° → 105°,
     * chroma 0.11 → 0.18 through a low of about 0.09 in the middle.
     */
    public static int sequential(double t) {
        double x = Math.max(0, Math.min(1, t));
        return oklch(0.28 + 0.65 * x, 0.11 - 0.09 * x + 0.16 * x * x, 305 - 200 * x);
    }

    /** sRGB of an OKLCH colour, clipped to the gamut. */
    static int oklch(double l, double chroma, double hueDeg) {
        double a = chroma * Math.cos(Math.toRadians(hueDeg));
        double b = chroma * Math.sin(Math.toRadians(hueDeg));
        double l1 = cube(l + 0.3963377774 * a + 0.2158037573 * b);
        double m1 = cube(l - 0.1055613458 * a - 0.0638541728 * b);
        double s1 = cube(l - 0.0894841775 * a - 1.2914855480 * b);
        double r = 4.0767416621 * l1 - 3.3077115913 * m1 + 0.2309699292 * s1;
        double g = -1.2684380046 * l1 + 2.6097574011 * m1 - 0.3413193965 * s1;
        double bl = -0.0041960863 * l1 - 0.7034186147 * m1 + 1.7076147010 * s1;
        return (encode(r) << 16) | (encode(g) << 8) | encode(bl);
    }

    private static double cube(double x) {
        return x * x * x;
    }

    private static int encode(double linear) {
        double x = Math.max(0, Math.min(1, linear));
        double s = x <= 0.0031308 ? 12.92 * x : 1.055 * Math.pow(x, 1 / 2.4) - 0.055;
        return (int) Math.round(s * 255);
    }
}
