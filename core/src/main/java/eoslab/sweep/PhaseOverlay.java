package eoslab.sweep;

import eoslab.model.shallow.Landmarks;
import eoslab.plot.PhaseImage.Curve;
import eoslab.plot.PhaseImage.Line;
import java.util.ArrayList;
import java.util.List;

/**
 * The landmark curves drawn over a phase map by {@code phase --overlay}, each row at its own start's values, in the
 * units of the x axis: the exact convergence boundary η* (models.md §1.1), the stability threshold 2/λ_GF of the GF
 * solution and the ceiling 1/|Φ| (docs/model.md §6), and where Φ = 0 the catapult lines ηλ₀ = 2 and ηλ₀ = 4 (the
 * second is η* there).
 */
public final class PhaseOverlay {
    private PhaseOverlay() {
    }

    /** The curves of a map, from its rows' landmarks ({@link PhaseSpec#rowLandmarks()}). */
    public static List<Curve> curves(PhaseSpec spec, Landmarks[] rows) {
        int ny = rows.length;
        double[] critical = new double[ny];
        double[] edge = new double[ny];
        double[] beyond = new double[ny];
        double[] lazy = new double[ny];
        boolean zeroTarget = false;
        boolean nonzeroTarget = false;
        for (int iy = 0; iy < ny; iy++) {
            Landmarks l = rows[iy];
            double unit = spec.etaPerUnit(l);
            critical[iy] = l.criticalEta() / unit;
            edge[iy] = l.edgeEta() / unit;
            beyond[iy] = l.beyondEta() / unit;
            lazy[iy] = l.phi() == 0 ? 2.0 / l.norm0() / unit : Double.NaN;
            zeroTarget |= l.phi() == 0;
            nonzeroTarget |= l.phi() != 0;
        }
        List<Curve> curves = new ArrayList<>();
        curves.add(new Curve(zeroTarget ? "η* (Φ = 0: ηλ₀ = 4)" : "η*: converges below", critical, Line.SOLID));
        curves.add(new Curve("2/λ_GF: GF solution unstable", edge, Line.DASHED));
        if (nonzeroTarget) {
            curves.add(new Curve("1/|Φ|: all minima unstable", beyond, Line.DOTTED));
        }
        if (zeroTarget) {
            curves.add(new Curve("ηλ₀ = 2 (Φ = 0: catapult)", lazy, Line.DASH_DOT));
        }
        return curves;
    }
}
