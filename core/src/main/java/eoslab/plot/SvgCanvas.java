package eoslab.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Locale;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;

/**
 * The SVG back end: one element per primitive, in points (the viewBox is the page in points). Text stays real
 * {@code <text>} (searchable, editable), in the bundled DejaVu Sans, embedded as a subset of the glyphs used
 * ({@code @font-face} with a data URL), so that any viewer shows the glyphs the PNG and PDF show.
 */
final class SvgCanvas implements Canvas {
    private static final String FACE = "eoslab-dejavu-sans";
    private final double width;
    private final double height;
    private final StringBuilder body = new StringBuilder();
    private final TreeSet<Integer> used = new TreeSet<>();
    private int clips;
    private boolean clipped;

    SvgCanvas(double widthPt, double heightPt) {
        this.width = widthPt;
        this.height = heightPt;
    }

    /** v to two decimals, trailing zeros dropped (points: 1/7200 inch is far below any visible detail). */
    static String n(double v) {
        long c = Math.round(v * 100);
        if (c == 0) {
            return "0";
        }
        StringBuilder sb = new StringBuilder(12);
        if (c < 0) {
            sb.append('-');
            c = -c;
        }
        sb.append(c / 100);
        long f = c % 100;
        if (f != 0) {
            sb.append('.').append((char) ('0' + f / 10));
            if (f % 10 != 0) {
                sb.append((char) ('0' + f % 10));
            }
        }
        return sb.toString();
    }

    private static String paint(String attr, Color c) {
        String s = " " + attr + "=\"" + Palette.hex(c) + "\"";
        return c.getAlpha() == 255 ? s : s + String.format(Locale.ROOT, " %s-opacity=\"%.3f\"", attr,
                c.getAlpha() / 255.0);
    }

    @Override
    public void fillRect(double x, double y, double w, double h, Color c) {
        body.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append('"').append(paint("fill", c)).append("/>\n");
    }

    private static String points(double[] xs, double[] ys, int n) {
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < n; i++) {
            p.append(i == 0 ? "" : " ").append(n(xs[i])).append(',').append(n(ys[i]));
        }
        return p.toString();
    }

    @Override
    public void stroke(double[] xs, double[] ys, int n, boolean closed, Color c, double w, float[] dash) {
        if (n < 2) {
            return;
        }
        body.append(closed ? "<polygon" : "<polyline").append(" points=\"").append(points(xs, ys, n))
                .append("\" fill=\"none\"").append(paint("stroke", c)).append(" stroke-width=\"").append(n(w))
                .append("\" stroke-linejoin=\"round\"");
        if (dash != null) {
            body.append(" stroke-dasharray=\"");
            for (int i = 0; i < dash.length; i++) {
                body.append(i == 0 ? "" : ",").append(n(dash[i]));
            }
            body.append('"');
        }
        body.append("/>\n");
    }

    @Override
    public void fill(double[] xs, double[] ys, int n, Color c) {
        if (n < 3) {
            return;
        }
        body.append("<polygon points=\"").append(points(xs, ys, n)).append('"').append(paint("fill", c))
                .append("/>\n");
    }

    @Override
    public void dots(double[] xs, double[] ys, int n, double r, Color c) {
        if (n == 0) {
            return;
        }
        // zero-length subpaths with round caps: one disc each, the whole cloud one shape
        body.append("<path d=\"");
        for (int i = 0; i < n; i++) {
            body.append('M').append(n(xs[i])).append(' ').append(n(ys[i])).append("h0");
        }
        body.append("\" fill=\"none\"").append(paint("stroke", c)).append(" stroke-width=\"").append(n(2 * r))
                .append("\" stroke-linecap=\"round\"/>\n");
    }

    @Override
    public void marks(Palette.Marker shape, double[] xs, double[] ys, int n, double r, Color c, double width) {
        if (n == 0) {
            return;
        }
        body.append("<path d=\"");
        for (int i = 0; i < n; i++) {
            double x = xs[i];
            double y = ys[i];
            switch (shape) {
                case CIRCLE -> body.append('M').append(n(x - r)).append(' ').append(n(y)).append("a").append(n(r))
                        .append(' ').append(n(r)).append(" 0 1 0 ").append(n(2 * r)).append(" 0a").append(n(r))
                        .append(' ').append(n(r)).append(" 0 1 0 ").append(n(-2 * r)).append(" 0z");
                case SQUARE -> body.append('M').append(n(x - r)).append(' ').append(n(y - r)).append('h')
                        .append(n(2 * r)).append('v').append(n(2 * r)).append('h').append(n(-2 * r)).append('z');
                case TRIANGLE -> body.append('M').append(n(x)).append(' ').append(n(y - r)).append('L')
                        .append(n(x + r)).append(' ').append(n(y + r)).append('L').append(n(x - r)).append(' ')
                        .append(n(y + r)).append('z');
                case DIAMOND -> body.append('M').append(n(x)).append(' ').append(n(y - r)).append('L')
                        .append(n(x + r)).append(' ').append(n(y)).append('L').append(n(x)).append(' ')
                        .append(n(y + r)).append('L').append(n(x - r)).append(' ').append(n(y)).append('z');
            }
        }
        body.append("\" fill=\"none\"").append(paint("stroke", c)).append(" stroke-width=\"").append(n(width))
                .append("\"/>\n");
    }

    @Override
    public void text(String s, double x, double y, double size, Color c, double angle) {
        s.codePoints().forEach(used::add);
        body.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-size=\"")
                .append(n(size)).append('"').append(paint("fill", c));
        if (angle != 0) {
            body.append(" transform=\"rotate(").append(n(angle)).append(' ').append(n(x)).append(' ').append(n(y))
                    .append(")\"");
        }
        body.append('>').append(escape(s)).append("</text>\n");
    }

    @Override
    public void image(BufferedImage img, double x, double y, double w, double h) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String data = "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
        body.append("<image x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append("\" preserveAspectRatio=\"none\" "
                        + "style=\"image-rendering:pixelated;image-rendering:crisp-edges\" href=\"").append(data)
                .append("\" xlink:href=\"").append(data).append("\"/>\n");
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        unclip();
        String id = "clip" + (++clips);
        body.append("<clipPath id=\"").append(id).append("\"><rect x=\"").append(n(x)).append("\" y=\"")
                .append(n(y)).append("\" width=\"").append(n(w)).append("\" height=\"").append(n(h))
                .append("\"/></clipPath>\n<g clip-path=\"url(#").append(id).append(")\">\n");
        clipped = true;
    }

    @Override
    public void unclip() {
        if (clipped) {
            body.append("</g>\n");
            clipped = false;
        }
    }

    /** The SVG document of what was drawn. */
    String document() {
        unclip();
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
                + "xml:space=\"preserve\" width=\"")
                .append(n(width)).append("pt\" height=\"").append(n(height)).append("pt\" viewBox=\"0 0 ")
                .append(n(width)).append(' ').append(n(height)).append("\">\n");
        sb.append("<style>");
        if (!used.isEmpty()) {
            sb.append("@font-face{font-family:\"").append(FACE).append("\";src:url(data:font/ttf;base64,")
                    .append(Base64.getEncoder().encodeToString(subset())).append(") format(\"truetype\");}");
        }
        sb.append("text{font-family:\"").append(FACE).append("\",\"").append(Fonts.FAMILY)
                .append("\",sans-serif;font-kerning:none;white-space:pre}</style>\n");
        sb.append("<rect x=\"0\" y=\"0\" width=\"").append(n(width)).append("\" height=\"").append(n(height))
                .append("\" fill=\"#ffffff\"/>\n");
        sb.append(body).append("</svg>\n");
        return sb.toString();
    }

    /** The bundled font cut down to the characters this document uses. */
    private byte[] subset() {
        TrueTypeFont ttf = Fonts.fontBox();
        try {
            synchronized (ttf) {
                TTFSubsetter sub = new TTFSubsetter(ttf);
                used.forEach(sub::add);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                sub.writeToStream(out);
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (ch >= 0x20 || ch == '\t') {
                        out.append(ch);
                    }
                }
            }
        }
        return out.toString();
    }
}
