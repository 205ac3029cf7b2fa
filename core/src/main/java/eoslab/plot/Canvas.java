package eoslab.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;

/**
 * What the chart layout draws on: a page in points (1/72 inch), origin at the top left, y down. The three back ends
 * ({@link RasterCanvas} for PNG, {@link SvgCanvas}, {@link PdfCanvas}) draw exactly these primitives at exactly
 * these coordinates, with the same font ({@link Fonts}), so the three files show the same figure. Colours carry
 * their alpha.
 */
interface Canvas {
    /** Fills a rectangle. */
    void fillRect(double x, double y, double w, double h, Color c);

    /** Strokes a polyline of n points (closed: back to the first point), solid when dash is null. */
    void stroke(double[] xs, double[] ys, int n, boolean closed, Color c, double width, float[] dash);

    /** Fills the polygon of n points. */
    void fill(double[] xs, double[] ys, int n, Color c);

    /** Fills n discs of radius r as one shape (overlaps are painted once, so translucent clouds look alike). */
    void dots(double[] xs, double[] ys, int n, double r, Color c);

    /** Strokes n open markers of the given shape and radius, as one shape. */
    void marks(Palette.Marker shape, double[] xs, double[] ys, int n, double r, Color c, double width);

    /**
     * Draws a run of text with its baseline starting at (x, y), rotated by angle degrees (clockwise on the page;
     * −90 reads upwards).
     */
    void text(String s, double x, double y, double size, Color c, double angle);

    /** Draws an image into a rectangle, pixels as sharp squares. */
    void image(BufferedImage img, double x, double y, double w, double h);

    /** Restricts drawing to a rectangle until {@link #unclip()}. */
    void clip(double x, double y, double w, double h);

    /** Lifts the clip. */
    void unclip();
}
