package eoslab.plot;

import java.awt.Color;

/**
 * Series styles that stay distinct in colour (Okabe–Ito, colour-blind safe) and in greyscale (dash patterns, marker
 * shapes and lightness differ too).
 */
public final class Palette {
    private static final Color[] COLORS = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0x000000),
        new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x7F7F7F)
    };
    private static final float[][] DASHES = {
        null, {7f, 4f}, {2f, 3f}, {9f, 3f, 2f, 3f}, {4f, 4f}, {12f, 4f}, {2f, 2f}, {7f, 2f, 2f, 2f, 2f, 2f}
    };
    private static final Color[] SHADES = {
        new Color(0, 114, 178, 28), new Color(213, 94, 0, 28), new Color(0, 0, 0, 22), new Color(0, 158, 115, 28)
    };

    /** Marker shapes, cycled per series. */
    public enum Marker { CIRCLE, SQUARE, TRIANGLE, DIAMOND }

    private Palette() {
    }

    /** The colour of style i. */
    public static Color color(int i) {
        return COLORS[Math.floorMod(i, COLORS.length)];
    }

    /** The dash pattern of style i (null: solid). */
    public static float[] dash(int i) {
        float[] d = DASHES[Math.floorMod(i, DASHES.length)];
        return d == null ? null : d.clone();
    }

    /** The marker shape of style i. */
    public static Marker marker(int i) {
        return Marker.values()[Math.floorMod(i, Marker.values().length)];
    }

    /** The translucent fill of band shade i. */
    public static Color shade(int i) {
        return SHADES[Math.floorMod(i, SHADES.length)];
    }

    /** #rrggbb of a colour. */
    public static String hex(Color c) {
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }
}
