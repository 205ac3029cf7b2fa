package eoslab.sweep;

import eoslab.exec.TiledJob;
import eoslab.measure.AtlasVolume;
import eoslab.sweep.PhaseEngine.Scratch;
import eoslab.sweep.PhaseEngine.TileResult;

/**
 * Computes 3-D atlases on the lane kernel of phase maps: {@link #tile} maps a tile number of an {@link AtlasSpec} to
 * its cells' results (each exactly {@code eoslab run}'s outcome and step), with no shared mutable state.
 */
public final class AtlasEngine {
    private AtlasEngine() {
    }

    /** Runs tile t of the spec. */
    public static TileResult tile(AtlasSpec spec, int t, Scratch s) {
        int row = t / spec.tilesPerRow();
        int iy = row % spec.n(1);
        int iz = row / spec.n(1);
        int x0 = (t % spec.tilesPerRow()) * PhaseSpec.TILE;
        return PhaseEngine.cells(spec.tileStart(t), spec.tileCells(t), i -> spec.cell(x0 + i, iy, iz),
                spec.maxSteps(), s);
    }

    /** The atlas as a {@link TiledJob}: tile t's result is {@link TileResult#encode} of {@link #tile}. */
    public static TiledJob job(AtlasSpec spec) {
        return new TiledJob() {
            @Override
            public int tiles() {
                return spec.tiles();
            }

            @Override
            public long units(int t) {
                return spec.tileCells(t);
            }

            @Override
            public long units() {
                return spec.cells();
            }

            @Override
            public Worker worker() {
                Scratch s = new Scratch();
                return t -> tile(spec, t, s).encode();
            }
        };
    }

    /** The volume assembled from the encoded results of all tiles (indexed by tile number). */
    public static AtlasVolume assemble(AtlasSpec spec, byte[][] results) {
        AtlasVolume v = AtlasVolume.empty(spec.n(0), spec.n(1), spec.n(2));
        for (byte[] r : results) {
            TileResult.decode(r).copyInto(v.cls(), v.steps(), v.period());
        }
        return v;
    }
}
