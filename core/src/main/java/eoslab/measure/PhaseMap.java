package eoslab.measure;

import eoslab.dynamics.CellClass;
import java.util.ArrayList;
import java.util.List;

/**
 * The classified cells of a phase map, row by row (cell = iy·nx + ix): class code ({@link CellClass} ordinal), step
 * (converged or divergent step, or the budget for bounded cells), period (2…64 for periodic cells, 1 for slow ones,
 * else 0), and the run's final sharpness and largest loss, as {@code eoslab run} reports them ({@code sharpness} of
 * the last iterate: the converged one, the last finite one, or the one at the budget; {@code max_loss}).
 *
 * @param nx        columns
 * @param ny        rows
 * @param cls       class codes
 * @param steps     steps
 * @param period    periods
 * @param sharpness final sharpness
 * @param maxLoss   largest loss along the run
 */
public record PhaseMap(int nx, int ny, byte[] cls, int[] steps, byte[] period, double[] sharpness, double[] maxLoss) {

    /** An empty map to fill. */
    public static PhaseMap empty(int nx, int ny) {
        int n = Math.multiplyExact(nx, ny);
        return new PhaseMap(nx, ny, new byte[n], new int[n], new byte[n], new double[n], new double[n]);
    }

    /** The class of cell (ix, iy). */
    public CellClass classAt(int ix, int iy) {
        return CellClass.of(cls[iy * nx + ix]);
    }

    /** Number of cells of each class, indexed by ordinal. */
    public long[] counts() {
        long[] c = new long[CellClass.values().length];
        for (byte b : cls) {
            c[b]++;
        }
        return c;
    }

    /**
     * Cells on the boundary between the three fates converged / diverged / bounded: those with a 4-neighbour of
     * another fate.
     */
    public boolean[] boundary() {
        boolean[] b = new boolean[nx * ny];
        for (int iy = 0; iy < ny; iy++) {
            for (int ix = 0; ix < nx; ix++) {
                int f = fate(iy * nx + ix);
                b[iy * nx + ix] = (ix > 0 && fate(iy * nx + ix - 1) != f) || (ix + 1 < nx && fate(iy * nx + ix + 1) != f)
                        || (iy > 0 && fate((iy - 1) * nx + ix) != f) || (iy + 1 < ny && fate((iy + 1) * nx + ix) != f);
            }
        }
        return b;
    }

    private int fate(int cell) {
        int c = cls[cell];
        return c >= CellClass.PERIODIC.ordinal() ? 2 : c;
    }

    /**
     * Box-counting estimate of the dimension of the boundary between converging and non-converging cells: the
     * least-squares slope of log N(s) against log(1/s), where N(s) counts s×s boxes (s = 1, 2, 4, … up to an eighth
     * of the smaller side) that hold a boundary cell. NaN when the map is too small (fewer than 3 scales) or has no
     * boundary.
     */
    public double boxDimension() {
        boolean[] conv = new boolean[nx * ny];
        for (int i = 0; i < conv.length; i++) {
            conv[i] = cls[i] == CellClass.CONVERGED.ordinal();
        }
        boolean[] edge = new boolean[nx * ny];
        for (int iy = 0; iy < ny; iy++) {
            for (int ix = 0; ix < nx; ix++) {
                int i = iy * nx + ix;
                edge[i] = (ix + 1 < nx && conv[i] != conv[i + 1]) || (iy + 1 < ny && conv[i] != conv[i + nx]);
            }
        }
        int maxS = Math.min(nx, ny) / 8;
        List<double[]> pts = new ArrayList<>();
        for (int s = 1; s <= maxS; s *= 2) {
            int bx = (nx + s - 1) / s;
            int by = (ny + s - 1) / s;
            boolean[] box = new boolean[bx * by];
            long count = 0;
            for (int iy = 0; iy < ny; iy++) {
                for (int ix = 0; ix < nx; ix++) {
                    if (edge[iy * nx + ix]) {
                        int k = (iy / s) * bx + ix / s;
                        if (!box[k]) {
                            box[k] = true;
                            count++;
                        }
                    }
                }
            }
            if (count == 0) {
                return Double.NaN;
            }
            pts.add(new double[] {Math.log(1.0 / s), Math.log(count)});
        }
        if (pts.size() < 3) {
            return Double.NaN;
        }
        double mx = 0;
        double my = 0;
        for (double[] p : pts) {
            mx += p[0];
            my += p[1];
        }
        mx /= pts.size();
        my /= pts.size();
        double sxy = 0;
        double sxx = 0;
        for (double[] p : pts) {
            sxy += (p[0] - mx) * (p[1] - my);
            sxx += (p[0] - mx) * (p[0] - mx);
        }
        return sxy / sxx;
    }
}
