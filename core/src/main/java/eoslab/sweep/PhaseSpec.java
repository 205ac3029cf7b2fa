package eoslab.sweep;

import eoslab.grid.Axis;
import eoslab.spec.RunSpec;
import eoslab.spec.ScheduleSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A phase map: a grid whose step axis is x and one other axis is y (all other axes single-valued), each cell run with
 * the grid's stop rule (step budget at most 2³¹ − 1). Cells are numbered row by row: cell = iy·nx + ix, with iy = 0
 * the smallest y. Tiles are pieces of at most {@link #TILE} cells of one row.
 *
 * @param grid   the parameters
 * @param yIndex the position of the y axis in {@link ParameterGrid#axes()} (the x axis is position 0)
 */
public record PhaseSpec(ParameterGrid grid, int yIndex) {
    /** Cells per tile. */
    public static final int TILE = 512;

    /** Validates the spec. */
    public PhaseSpec {
        if (yIndex < 1 || yIndex >= grid.axes().size()) {
            throw new IllegalArgumentException("bad y axis index " + yIndex);
        }
        for (int k = 1; k < grid.axes().size(); k++) {
            if (k != yIndex && grid.axes().get(k).count() != 1) {
                throw new IllegalArgumentException("a phase map has two axes; --" + grid.axes().get(k).name()
                        + " must be a single value");
            }
        }
        if (!(grid.settings().method().schedule() instanceof ScheduleSpec.Constant)) {
            throw new IllegalArgumentException("phase maps run a constant step; --schedule must be constant");
        }
        if (grid.settings().stop().maxSteps() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("phase: --steps must be at most " + Integer.MAX_VALUE);
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

    /** The x axis (the step). */
    public Axis x() {
        return grid.axes().get(0);
    }

    /** The y axis. */
    public Axis y() {
        return grid.axes().get(yIndex);
    }

    /** Number of columns. */
    public int nx() {
        return x().count();
    }

    /** Number of rows. */
    public int ny() {
        return y().count();
    }

    /** Tiles per row. */
    public int tilesPerRow() {
        return (nx() + TILE - 1) / TILE;
    }

    /** Number of tiles. */
    public int tiles() {
        return tilesPerRow() * ny();
    }

    /** The specification of cell (ix, iy). */
    public RunSpec cell(int ix, int iy) {
        int[] c = new int[grid.axes().size()];
        c[0] = ix;
        c[yIndex] = iy;
        return grid.at(c);
    }

    /** The spec, for manifests. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>(grid.describe());
        m.put("x", x().name());
        m.put("y", y().name());
        m.put("steps", maxSteps());
        m.put("tol", tol());
        return m;
    }
}
