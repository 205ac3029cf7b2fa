package eoslab.plot;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The one typeface of every chart: DejaVu Sans, bundled with eoslab (Bitstream Vera licence, see
 * DejaVuSans-LICENSE.txt beside it), so that PNG, SVG and PDF use the same glyphs and the same advance widths on
 * every machine. Text is measured here once, in points, with fractional (unhinted) metrics; the back ends place each
 * run of text at the position the layout computed.
 */
final class Fonts {
    /** The font family name written into SVG files. */
    static final String FAMILY = "DejaVu Sans";
    private static final String RESOURCE = "/eoslab/plot/DejaVuSans.ttf";
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    private static final byte[] BYTES = load();
    private static final Font BASE = create(BYTES);
    private static final Map<Float, Font> SIZES = new ConcurrentHashMap<>();
    private static final Map<String, Double> WIDTHS = new ConcurrentHashMap<>();
    private static TrueTypeFont fontBox;

    private Fonts() {
    }

    private static byte[] load() {
        try (InputStream in = Fonts.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing font resource " + RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Font create(byte[] bytes) {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, new java.io.ByteArrayInputStream(bytes));
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException("cannot read the bundled font: " + e.getMessage(), e);
        }
    }

    /** The TrueType file. */
    static byte[] bytes() {
        return BYTES.clone();
    }

    /** The AWT font at a size in points. */
    static Font awt(double size) {
        return SIZES.computeIfAbsent((float) size, BASE::deriveFont);
    }

    /** The advance width of a string at a size in points. */
    static double width(String s, double size) {
        if (s.isEmpty()) {
            return 0;
        }
        if (WIDTHS.size() > 100_000) {
            WIDTHS.clear();
        }
        return WIDTHS.computeIfAbsent(size + "\u0000" + s, k -> awt(size).getStringBounds(s, FRC).getWidth());
    }

    /**
     * The bundled font parsed by FontBox, shared by the SVG and PDF back ends; callers synchronize on it while they
     * read glyphs from it.
     */
    static TrueTypeFont fontBox() {
        synchronized (Fonts.class) {
            if (fontBox == null) {
                try {
                    fontBox = new TTFParser().parse(new RandomAccessReadBuffer(BYTES));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return fontBox;
        }
    }

    /** The height of capital letters above the baseline, as a fraction of the size (DejaVu Sans: 0.729). */
    static double capHeight() {
        return 0.729;
    }

    /** The depth of descenders below the baseline, as a fraction of the size. */
    static double descent() {
        return 0.236;
    }
}
