package eoslab.plot;

import eoslab.io.AtomicOutput;
import java.nio.file.Path;

/** Writes {@link Chart}s to files, atomically: PNG through XChart, SVG through our own writer. */
public final class ChartWriter {
    private ChartWriter() {
    }

    /** PNG bytes of a chart of width × height pixels. */
    public static byte[] png(Chart chart, int width, int height) {
        return PngRenderer.render(chart, width, height);
    }

    /** An SVG document of a chart of width × height user units. */
    public static String svg(Chart chart, int width, int height) {
        return SvgRenderer.render(chart, width, height);
    }

    /** Writes a PNG file. */
    public static void writePng(Chart chart, Path file, int width, int height) {
        AtomicOutput.writeBytes(file, png(chart, width, height));
    }

    /** Writes an SVG file. */
    public static void writeSvg(Chart chart, Path file, int width, int height) {
        AtomicOutput.writeString(file, svg(chart, width, height));
    }
}
