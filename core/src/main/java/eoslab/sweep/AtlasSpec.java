package eoslab.sweep;

import eoslab.grid.Axis;
import eoslab.spec.RunSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A 3-D atlas: a grid with three ranged axes x, y, z (any of the grid's named axes; all others single-valued), each
 * cell run with the grid's stop rule. Cells are numbered cell = (iz·ny + iy)·nx + ix, index 0 the first value of each
 * axis; tiles are pieces of at most {@link PhaseSpec#TILE} cells of one x row (the lanes of one kernel call), so the x
 * axis may not be Φ (the lanes of a call share their target).
 *
 * @param grid the parameters
 * @param axes the positions of x, y and z in {@link ParameterGrid#axes()}
 */
public record AtlasSpec(ParameterGrid grid, int[] axes) {
    /** The largest number of cells. */
    public static final long MAX_CELLS = 1L << 30;

    /** Validates the spec. */
    public AtlasSpec {
        axes = axes.clone();
        if (axes.length != 3 || axes[0] == axes[1] || axes[0] == axes[2] || axes[1] == axes[2]) {
            throw new IllegalArgumentException("an atlas has three different axes");
        }
        List<Axis> all = grid.axes();
        for (int k = 0; k < all.size(); k++) {
            boolean chosen = k == axes[0] || k == axes[1] || k == axes[2];
            if (!chosen && all.get(k).count() != 1) {
                throw new IllegalArgumentException("an atlas has three axes; --" + all.get(k).name()
                        + " must be a single value");
            }
        }
        if (all.get(axes[0]).name().equals("phi")) {
            throw new IllegalArgumentException("atlas: phi cannot be the x axis (the cells of an x row run together "
                    + "on one target); put it on y or z");
        }
        long cells = (long) all.get(axes[0]).count() * all.get(axes[1]).count() * all.get(axes[2]).count();
        if (cells > MAX_CELLS) {
            throw new IllegalArgumentException("atlas: at most 2^30 cells (1024³), got " + cells);
        }
        if (grid.settings().stop().maxSteps() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("atlas: --steps must be at most " + Integer.MAX_VALUE);
        }
    }

    /** Step budget per cell. */
    public int maxSteps() {
        return (int) grid.settings().stop().maxSteps();
    }

    /** Convergence tolerance on |ε|. */
    public double tol() {
        return grid.settings().stop().tol();
    }

    /** Axis k: 0 = x, 1 = y, 2 = z. */
    public Axis axis(int k) {
        return grid.axes().get(axes[k]);
    }

    /** The x, y and z axes. */
    public List<Axis> axisList() {
        return List.of(axis(0), axis(1), axis(2));
    }

    /** Number of values of axis k. */
    public int n(int k) {
        return axis(k).count();
    }

    /** Number of cells. */
    public int cells() {
        return n(0) * n(1) * n(2);
    }

    /** Tiles per x row. */
    public int tilesPerRow() {
        return (n(0) + PhaseSpec.TILE - 1) / PhaseSpec.TILE;
    }

    /** Number of tiles. */
    public int tiles() {
        return tilesPerRow() * n(1) * n(2);
    }

    /** The first cell of tile t. */
    public int tileStart(int t) {
        int row = t / tilesPerRow();
        return row * n(0) + (t % tilesPerRow()) * PhaseSpec.TILE;
    }

    /** The number of cells of tile t. */
    public int tileCells(int t) {
        int x0 = (t % tilesPerRow()) * PhaseSpec.TILE;
        return Math.min(PhaseSpec.TILE, n(0) - x0);
    }

    /** The specification of cell (ix, iy, iz). */
    public RunSpec cell(int ix, int iy, int iz) {
        int[] c = new int[grid.axes().size()];
        c[axes[0]] = ix;
        c[axes[1]] = iy;
        c[axes[2]] = iz;
        return grid.at(c);
    }

    /** The spec, for manifests: the grid, the axes in x, y, z order, the budget and tolerance. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>(grid.describe());
        List<String> names = new ArrayList<>();
        for (Axis a : axisList()) {
            names.add(a.name());
        }
        m.put("axes", names);
        m.put("steps", maxSteps());
        m.put("tol", tol());
        return m;
    }
}
