package eoslab.plot;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** The PNG back end: Java2D on an RGB image of (page size × dpi/72) pixels, antialiased, unhinted text. */
final class RasterCanvas implements Canvas {
    private final BufferedImage img;
    private final Graphics2D g;

    RasterCanvas(double widthPt, double heightPt, int dpi) {
        double s = dpi / 72.0;
        img = new BufferedImage((int) Math.round(widthPt * s), (int) Math.round(heightPt * s),
                BufferedImage.TYPE_INT_RGB);
        g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.scale(s, s);
    }

    @Override
    public void fillRect(double x, double y, double w, double h, Color c) {
        g.setColor(c);
        g.fill(new Rectangle2D.Double(x, y, w, h));
    }

    private static Path2D.Double path(double[] xs, double[] ys, int n, boolean closed) {
        Path2D.Double p = new Path2D.Double(Path2D.WIND_NON_ZERO, n + 1);
        p.moveTo(xs[0], ys[0]);
        for (int i = 1; i < n; i++) {
            p.lineTo(xs[i], ys[i]);
        }
        if (closed) {
            p.closePath();
        }
        return p;
    }

    @Override
    public void stroke(double[] xs, double[] ys, int n, boolean closed, Color c, double width, float[] dash) {
        if (n < 2) {
            return;
        }
        g.setColor(c);
        g.setStroke(dash == null ? new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND)
                : new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f));
        g.draw(path(xs, ys, n, closed));
    }

    @Override
    public void fill(double[] xs, double[] ys, int n, Color c) {
        if (n < 3) {
            return;
        }
        g.setColor(c);
        g.fill(path(xs, ys, n, true));
    }

    @Override
    public void dots(double[] xs, double[] ys, int n, double r, Color c) {
        // opaque discs on a layer of their own, then the layer composited once at the colour's alpha: overlaps are
        // painted once, as in SVG and PDF, and each disc is rasterized in its own small box (fast)
        BufferedImage layer = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D lg = layer.createGraphics();
        lg.setRenderingHints(g.getRenderingHints());
        lg.setTransform(g.getTransform());
        lg.setClip(g.getClip());
        lg.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue()));
        Ellipse2D.Double e = new Ellipse2D.Double();
        for (int i = 0; i < n; i++) {
            e.setFrame(xs[i] - r, ys[i] - r, 2 * r, 2 * r);
            lg.fill(e);
        }
        lg.dispose();
        AffineTransform saved = g.getTransform();
        java.awt.Composite composite = g.getComposite();
        g.setTransform(new AffineTransform());
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, c.getAlpha() / 255f));
        g.drawImage(layer, 0, 0, null);
        g.setComposite(composite);
        g.setTransform(saved);
    }

    @Override
    public void marks(Palette.Marker shape, double[] xs, double[] ys, int n, double r, Color c, double width) {
        // one marker at a time: opaque strokes look the same as one shape, and small boxes rasterize fast
        g.setColor(c);
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        Path2D.Double p = new Path2D.Double(Path2D.WIND_NON_ZERO, 8);
        for (int i = 0; i < n; i++) {
            p.reset();
            Marks.append(p, shape, xs[i], ys[i], r);
            g.draw(p);
        }
    }

    @Override
    public void text(String s, double x, double y, double size, Color c, double angle) {
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        if (angle != 0) {
            g.rotate(Math.toRadians(angle));
        }
        g.setFont(Fonts.awt(size));
        g.setColor(c);
        g.drawString(s, 0f, 0f);
        g.setTransform(saved);
    }

    @Override
    public void image(BufferedImage image, double x, double y, double w, double h) {
        AffineTransform t = new AffineTransform(w / image.getWidth(), 0, 0, h / image.getHeight(), x, y);
        g.drawImage(image, t, null);
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        g.clip(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void unclip() {
        g.setClip(null);
    }

    /** The PNG bytes of what was drawn. */
    byte[] png() {
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The image drawn. */
    BufferedImage image() {
        return img;
    }
}
