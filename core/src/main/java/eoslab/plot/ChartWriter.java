package eoslab.plot;

import java.util.List;

/**
 * Renders {@link Panels} (or one {@link Chart}) to PNG, SVG and PDF through the one layout pass of
 * {@link ChartRenderer}, as bytes or text (commands write them through their output set).
 */
public final class ChartWriter {
    /** The three formats, by file suffix. */
    public static final List<String> FORMATS = List.of("png", "svg", "pdf");

    private ChartWriter() {
    }

    /** PNG bytes at the size's resolution. */
    public static byte[] png(Panels p, FigureSize size) {
        RasterCanvas c = new RasterCanvas(size.widthPt(), size.heightPt(), size.dpi());
        ChartRenderer.draw(p, size.widthPt(), size.heightPt(), c);
        return c.png();
    }

    /** An SVG document of the size in points. */
    public static String svg(Panels p, FigureSize size) {
        SvgCanvas c = new SvgCanvas(size.widthPt(), size.heightPt());
        ChartRenderer.draw(p, size.widthPt(), size.heightPt(), c);
        return c.document();
    }

    /** A one-page PDF of the size in points, with a document title. */
    public static byte[] pdf(Panels p, FigureSize size, String title) {
        PdfCanvas c = new PdfCanvas(size.widthPt(), size.heightPt());
        ChartRenderer.draw(p, size.widthPt(), size.heightPt(), c);
        return c.pdf(title);
    }

    /** PNG bytes of one chart. */
    public static byte[] png(Chart chart, FigureSize size) {
        return png(Panels.of(chart), size);
    }

    /** SVG of one chart. */
    public static String svg(Chart chart, FigureSize size) {
        return svg(Panels.of(chart), size);
    }
}
