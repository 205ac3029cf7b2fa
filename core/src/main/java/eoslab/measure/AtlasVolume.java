package eoslab.measure;

import eoslab.dynamics.CellClass;

/**
 * The classified cells of a 3-D atlas, cell = (iz·ny + iy)·nx + ix: class code ({@link CellClass} ordinal), step and
 * period, as in a {@link PhaseMap}.
 *
 * @param nx     cells along x
 * @param ny     cells along y
 * @param nz     cells along z
 * @param cls    class codes
 * @param steps  steps
 * @param period periods
 */
public record AtlasVolume(int nx, int ny, int nz, byte[] cls, int[] steps, byte[] period) {

    /** An empty volume to fill. */
    public static AtlasVolume empty(int nx, int ny, int nz) {
        int n = Math.multiplyExact(Math.multiplyExact(nx, ny), nz);
        return new AtlasVolume(nx, ny, nz, new byte[n], new int[n], new byte[n]);
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
     * The slice at index k along axis {@code axis} as a phase map over the two other axes in order: z-slices over
     * (x, y), y-slices over (x, z), x-slices over (y, z); row 0 of the map is index 0 of its second axis.
     */
    public PhaseMap slice(int axis, int k) {
        int a = axis == 0 ? ny : nx;
        int b = axis == 2 ? ny : nz;
        PhaseMap m = PhaseMap.empty(a, b);
        for (int j = 0; j < b; j++) {
            for (int i = 0; i < a; i++) {
                int c = switch (axis) {
                    case 0 -> index(k, i, j);
                    case 1 -> index(i, k, j);
                    default -> index(i, j, k);
                };
                m.cls()[j * a + i] = cls[c];
                m.steps()[j * a + i] = steps[c];
                m.period()[j * a + i] = period[c];
            }
        }
        return m;
    }

    private int index(int ix, int iy, int iz) {
        return (iz * ny + iy) * nx + ix;
    }

    /**
     * Cells of the boundary surface between the three fates converged / diverged / bounded (a cell with a
     * 6-neighbour of another fate), counted per slice: {@code result[k][i]} is the number of boundary cells with index
     * i along axis k. One pass over the volume, no per-cell memory.
     */
    public long[][] boundaryCounts() {
        long[][] counts = {new long[nx], new long[ny], new long[nz]};
        int plane = nx * ny;
        for (int iz = 0; iz < nz; iz++) {
            for (int iy = 0; iy < ny; iy++) {
                int row = (iz * ny + iy) * nx;
                for (int ix = 0; ix < nx; ix++) {
                    int c = row + ix;
                    int f = fate(c);
                    boolean edge = (ix > 0 && fate(c - 1) != f) || (ix + 1 < nx && fate(c + 1) != f)
                            || (iy > 0 && fate(c - nx) != f) || (iy + 1 < ny && fate(c + nx) != f)
                            || (iz > 0 && fate(c - plane) != f) || (iz + 1 < nz && fate(c + plane) != f);
                    if (edge) {
                        counts[0][ix]++;
                        counts[1][iy]++;
                        counts[2][iz]++;
                    }
                }
            }
        }
        return counts;
    }

    private int fate(int cell) {
        int c = cls[cell];
        return c >= CellClass.PERIODIC.ordinal() ? 2 : c;
    }
}
