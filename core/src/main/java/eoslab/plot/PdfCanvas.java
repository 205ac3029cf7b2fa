package eoslab.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;

/**
 * The PDF back end (Apache PDFBox): one page of the figure's size in points, vector paths, text in the bundled
 * DejaVu Sans embedded as a subset, images as lossless image objects.
 */
final class PdfCanvas implements Canvas {
    private final PDDocument doc = new PDDocument();
    private final PDPageContentStream cs;
    private final PDType0Font font;
    private final double height;
    private boolean clipped;

    PdfCanvas(double widthPt, double heightPt) {
        this.height = heightPt;
        try {
            PDPage page = new PDPage(new PDRectangle((float) widthPt, (float) heightPt));
            doc.addPage(page);
            // the parsed font is shared (not closed with the document); the subset is made when the document is saved
            font = PDType0Font.load(doc, Fonts.fontBox(), true);
            cs = new PDPageContentStream(doc, page);
            cs.setNonStrokingColor(1f, 1f, 1f);
            cs.addRect(0, 0, (float) widthPt, (float) heightPt);
            cs.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Op {
        void run() throws IOException;
    }

    private void io(Op op) {
        try {
            op.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private float y(double v) {
        return (float) (height - v);
    }

    /** Sets the fill or stroke colour; with alpha the caller's drawing is wrapped in a saved graphics state. */
    private boolean color(Color c, boolean stroke) throws IOException {
        float r = c.getRed() / 255f;
        float g = c.getGreen() / 255f;
        float b = c.getBlue() / 255f;
        boolean alpha = c.getAlpha() != 255;
        if (alpha) {
            cs.saveGraphicsState();
            PDExtendedGraphicsState gs = new PDExtendedGraphicsState();
            if (stroke) {
                gs.setStrokingAlphaConstant(c.getAlpha() / 255f);
            } else {
                gs.setNonStrokingAlphaConstant(c.getAlpha() / 255f);
            }
            cs.setGraphicsStateParameters(gs);
        }
        if (stroke) {
            cs.setStrokingColor(r, g, b);
        } else {
            cs.setNonStrokingColor(r, g, b);
        }
        return alpha;
    }

    private void path(double[] xs, double[] ys, int n, boolean closed) throws IOException {
        cs.moveTo((float) xs[0], y(ys[0]));
        for (int i = 1; i < n; i++) {
            cs.lineTo((float) xs[i], y(ys[i]));
        }
        if (closed) {
            cs.closePath();
        }
    }

    @Override
    public void fillRect(double x, double yTop, double w, double h, Color c) {
        io(() -> {
            boolean a = color(c, false);
            cs.addRect((float) x, y(yTop + h), (float) w, (float) h);
            cs.fill();
            if (a) {
                cs.restoreGraphicsState();
            }
        });
    }

    @Override
    public void stroke(double[] xs, double[] ys, int n, boolean closed, Color c, double width, float[] dash) {
        if (n < 2) {
            return;
        }
        io(() -> {
            boolean a = color(c, true);
            cs.setLineWidth((float) width);
            cs.setLineCapStyle(0);
            cs.setLineJoinStyle(1);
            cs.setLineDashPattern(dash == null ? new float[0] : dash, 0f);
            path(xs, ys, n, closed);
            cs.stroke();
            cs.setLineDashPattern(new float[0], 0f);
            if (a) {
                cs.restoreGraphicsState();
            }
        });
    }

    @Override
    public void fill(double[] xs, double[] ys, int n, Color c) {
        if (n < 3) {
            return;
        }
        io(() -> {
            boolean a = color(c, false);
            path(xs, ys, n, true);
            cs.fill();
            if (a) {
                cs.restoreGraphicsState();
            }
        });
    }

    @Override
    public void dots(double[] xs, double[] ys, int n, double r, Color c) {
        if (n == 0) {
            return;
        }
        io(() -> {
            boolean a = color(c, true);
            cs.setLineWidth((float) (2 * r));
            cs.setLineCapStyle(1);
            cs.setLineDashPattern(new float[0], 0f);
            for (int i = 0; i < n; i++) {
                float px = (float) xs[i];
                float py = y(ys[i]);
                cs.moveTo(px, py);
                cs.lineTo(px, py);
            }
            cs.stroke();
            cs.setLineCapStyle(0);
            if (a) {
                cs.restoreGraphicsState();
            }
        });
    }

    @Override
    public void marks(Palette.Marker shape, double[] xs, double[] ys, int n, double r, Color c, double width) {
        if (n == 0) {
            return;
        }
        io(() -> {
            boolean a = color(c, true);
            cs.setLineWidth((float) width);
            cs.setLineJoinStyle(0);
            cs.setLineDashPattern(new float[0], 0f);
            float k = (float) (0.5523 * r);
            for (int i = 0; i < n; i++) {
                float x = (float) xs[i];
                float yy = y(ys[i]);
                float rr = (float) r;
                switch (shape) {
                    case CIRCLE -> {
                        cs.moveTo(x + rr, yy);
                        cs.curveTo(x + rr, yy + k, x + k, yy + rr, x, yy + rr);
                        cs.curveTo(x - k, yy + rr, x - rr, yy + k, x - rr, yy);
                        cs.curveTo(x - rr, yy - k, x - k, yy - rr, x, yy - rr);
                        cs.curveTo(x + k, yy - rr, x + rr, yy - k, x + rr, yy);
                        cs.closePath();
                    }
                    case SQUARE -> cs.addRect(x - rr, yy - rr, 2 * rr, 2 * rr);
                    case TRIANGLE -> {
                        cs.moveTo(x, yy + rr);
                        cs.lineTo(x + rr, yy - rr);
                        cs.lineTo(x - rr, yy - rr);
                        cs.closePath();
                    }
                    case DIAMOND -> {
                        cs.moveTo(x, yy + rr);
                        cs.lineTo(x + rr, yy);
                        cs.lineTo(x, yy - rr);
                        cs.lineTo(x - rr, yy);
                        cs.closePath();
                    }
                }
            }
            cs.stroke();
            cs.setLineJoinStyle(1);
            if (a) {
                cs.restoreGraphicsState();
            }
        });
    }

    @Override
    public void text(String s, double x, double yBase, double size, Color c, double angle) {
        io(() -> {
            boolean a = color(c, false);
            cs.beginText();
            cs.setFont(font, (float) size);
            cs.setTextMatrix(Matrix.getRotateInstance(Math.toRadians(-angle), (float) x, y(yBase)));
            cs.showText(s);
            cs.endText();
            if (a) {
                cs.restoreGraphicsState();
            }
        });
    }

    @Override
    public void image(BufferedImage img, double x, double yTop, double w, double h) {
        io(() -> {
            PDImageXObject xo = LosslessFactory.createFromImage(doc, img);
            xo.setInterpolate(false);
            cs.drawImage(xo, (float) x, y(yTop + h), (float) w, (float) h);
        });
    }

    @Override
    public void clip(double x, double yTop, double w, double h) {
        unclip();
        io(() -> {
            cs.saveGraphicsState();
            cs.addRect((float) x, y(yTop + h), (float) w, (float) h);
            cs.clip();
        });
        clipped = true;
    }

    @Override
    public void unclip() {
        if (clipped) {
            io(cs::restoreGraphicsState);
            clipped = false;
        }
    }

    /** The PDF bytes of what was drawn. */
    byte[] pdf(String title) {
        unclip();
        try {
            cs.close();
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle(title);
            info.setProducer("eoslab");
            doc.setDocumentInformation(info);
            // a fixed seed for the trailer /ID (PDFBox otherwise seeds it with the clock): the same figure gives the
            // same bytes
            doc.setDocumentId((long) title.hashCode());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            synchronized (Fonts.fontBox()) {
                doc.save(out);
                doc.close();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
