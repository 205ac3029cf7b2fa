package eoslab.sweep;

import eoslab.dynamics.StopRule;
import eoslab.grid.Axis;
import eoslab.model.shallow.Landmarks;
import eoslab.service.Runs;
import eoslab.spec.RunSpec;
import eoslab.spec.ScheduleSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A phase map: a grid whose step axis is x and one other axis is y (all other axes single-valued), each cell run with
 * the grid's stop rule (step budget at most 2³¹ − 1; a relative tolerance is resolved per cell, by the service). Cells are numbered row by row: cell = iy·nx + ix, with iy = 0
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

    /** The stop rule as given (its tolerance absolute, or relative to each cell's residual scale). */
    public StopRule stop() {
        return grid.settings().stop();
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

    /**
     * The landmarks of each row's start (all cells of a row share one start and one Φ; only the step varies along
     * x), resolved as {@code eoslab run} resolves them.
     */
    public Landmarks[] rowLandmarks() {
        Landmarks[] rows = new Landmarks[ny()];
        for (int iy = 0; iy < rows.length; iy++) {
            RunSpec c = cell(0, iy);
            rows[iy] = Runs.resolve(c.model(), c.start()).landmarks();
        }
        return rows;
    }

    /** The absolute step η per unit of x in a row with these landmarks: 1, 2/λ_GF ({@code eta-rel}) or η* ({@code eta-crit}). */
    public double etaPerUnit(Landmarks row) {
        return switch (x().name()) {
            case "eta-rel" -> row.edgeEta();
            case "eta-crit" -> row.criticalEta();
            default -> 1.0;
        };
    }

    /** The spec, for manifests. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>(grid.describe());
        m.put("x", x().name());
        m.put("y", y().name());
        m.put("steps", maxSteps());
        m.put(stop().relative() ? "tol_rel" : "tol", stop().tol());
        return m;
    }
}
