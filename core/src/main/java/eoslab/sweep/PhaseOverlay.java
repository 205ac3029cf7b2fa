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

    /**
     * The curves of a map, from its rows' landmarks ({@link PhaseSpec#rowLandmarks()}). For a method with momentum
     * (stability edge 2κ/η, κ from each row's β) the method's lines κ·2/λ_GF and κ/|Φ| are drawn instead, and η* and
     * the catapult lines (gradient descent's) are left out.
     */
    public static List<Curve> curves(PhaseSpec spec, Landmarks[] rows) {
        int ny = rows.length;
        double[] critical = new double[ny];
        double[] edge = new double[ny];
        double[] beyond = new double[ny];
        double[] lazy = new double[ny];
        boolean zeroTarget = false;
        boolean nonzeroTarget = false;
        boolean momentum = spec.grid().settings().method().hasMomentum();
        for (int iy = 0; iy < ny; iy++) {
            Landmarks l = rows[iy];
            double unit = spec.etaPerUnit(l);
            double kappa = spec.cell(0, iy).method().method(1.0).edgeFactor();
            critical[iy] = l.criticalEta() / unit;
            edge[iy] = l.edgeEta(kappa) / unit;
            beyond[iy] = l.beyondEta(kappa) / unit;
            lazy[iy] = l.phi() == 0 ? 2.0 / l.norm0() / unit : Double.NaN;
            zeroTarget |= l.phi() == 0;
            nonzeroTarget |= l.phi() != 0;
        }
        List<Curve> curves = new ArrayList<>();
        if (momentum) {
            curves.add(new Curve("2κ/λ_GF: GF solution unstable", edge, Line.DASHED));
            if (nonzeroTarget) {
                curves.add(new Curve("κ/|Φ|: all minima unstable", beyond, Line.DOTTED));
            }
            return curves;
        }
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
