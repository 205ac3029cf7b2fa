package eoslab.plot;

import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;

/** The marker shapes as Java2D paths (the PNG back end; SVG and PDF write the same shapes natively). */
final class Marks {
    private Marks() {
    }

    /** Appends one marker centred at (x, y) with radius r. */
    static void append(Path2D.Double p, Palette.Marker shape, double x, double y, double r) {
        switch (shape) {
            case CIRCLE -> p.append(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r), false);
            case SQUARE -> {
                p.moveTo(x - r, y - r);
                p.lineTo(x + r, y - r);
                p.lineTo(x + r, y + r);
                p.lineTo(x - r, y + r);
                p.closePath();
            }
            case TRIANGLE -> {
                p.moveTo(x, y - r);
                p.lineTo(x + r, y + r);
                p.lineTo(x - r, y + r);
                p.closePath();
            }
            case DIAMOND -> {
                p.moveTo(x, y - r);
                p.lineTo(x + r, y);
                p.lineTo(x, y + r);
                p.lineTo(x - r, y);
                p.closePath();
            }
        }
    }
}
