package eoslab.io;

import eoslab.grid.Axis;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The coordinates of a phase map's cells, stored next to its {@code .npy} as {@code PREFIX-coords.npz} ({@link Npz}):
 * {@code x} (nx values of the x axis, as set) and {@code y} (ny values), their names {@code x_name} and
 * {@code y_name} (0-d strings), and one value per row of each row's start: {@code phi} (Φ), {@code lambda0} (λ₀),
 * {@code gf_sharpness} (λ_GF), {@code eta_critical} (η*, inf where infinite) and {@code eta_per_x} (the absolute step
 * per unit of x: 1 for {@code eta}, 2/λ_GF for {@code eta-rel}, η* for {@code eta-crit}), so that the absolute step
 * of cell (iy, ix) is {@code x[ix] * eta_per_x[iy]}.
 */
public final class PhaseNpz {
    private PhaseNpz() {
    }

    /**
     * The archive's bytes.
     *
     * @param phi         Φ per row
     * @param lambda0     λ₀ per row
     * @param gfSharpness λ_GF per row
     * @param etaCritical η* per row
     * @param etaPerX     absolute step per unit of x, per row
     */
    public static byte[] coordinates(Axis x, Axis y, double[] phi, double[] lambda0, double[] gfSharpness,
                                     double[] etaCritical, double[] etaPerX) {
        Map<String, byte[]> a = new LinkedHashMap<>();
        a.put("x", Npy.float64(x.values()));
        a.put("y", Npy.float64(y.values()));
        a.put("x_name", Npy.string(x.name()));
        a.put("y_name", Npy.string(y.name()));
        a.put("phi", Npy.float64(phi));
        a.put("lambda0", Npy.float64(lambda0));
        a.put("gf_sharpness", Npy.float64(gfSharpness));
        a.put("eta_critical", Npy.float64(etaCritical));
        a.put("eta_per_x", Npy.float64(etaPerX));
        return Npz.of(a);
    }
}
