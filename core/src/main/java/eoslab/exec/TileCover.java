package eoslab.exec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Checks that parts of a tiled computation cover its tiles exactly once, and names what is wrong otherwise: the
 * parts (by their {@link TileShare}) or tiles that are missing, and the two parts that hold the same tile.
 */
public final class TileCover {
    /**
     * One part as it claims: its name (a file), its share, and the tiles it holds.
     *
     * @param name  how errors name the part
     * @param share its share
     * @param first its first tile
     * @param end   one past its last tile
     */
    public record Part(String name, TileShare share, int first, int end) {
    }

    private TileCover() {
    }

    /**
     * Checks that the parts hold each of tiles 0 … tiles−1 exactly once.
     *
     * @throws IllegalArgumentException naming a duplicated tile (and both parts) or the missing tiles
     */
    public static void check(List<Part> parts, int tiles) {
        int[] owner = new int[tiles];
        Arrays.fill(owner, -1);
        for (int k = 0; k < parts.size(); k++) {
            Part p = parts.get(k);
            if (p.first() < 0 || p.end() > tiles || p.first() > p.end()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "foreign part %s: tiles %d-%d do not exist (the computation has %d)", p.name(), p.first(),
                        p.end() - 1, tiles));
            }
            for (int t = p.first(); t < p.end(); t++) {
                if (owner[t] >= 0) {
                    Part q = parts.get(owner[t]);
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "duplicate part: %s (part %s) and %s (part %s) both hold tile %d", q.name(), q.share(),
                            p.name(), p.share(), t));
                }
                owner[t] = k;
            }
        }
        List<String> missing = new ArrayList<>();
        for (int t = 0; t < tiles; t++) {
            if (owner[t] < 0) {
                int u = t;
                while (u + 1 < tiles && owner[u + 1] < 0) {
                    u++;
                }
                missing.add(t == u ? "tile " + t : "tiles " + t + "-" + u);
                t = u;
            }
        }
        if (!missing.isEmpty()) {
            int n = parts.isEmpty() ? 0 : parts.get(0).share().count();
            List<String> shares = new ArrayList<>();
            if (n > 0 && parts.stream().allMatch(p -> p.share().count() == n)) {
                for (int i = 0; i < n; i++) {
                    TileShare s = new TileShare(i, n);
                    int f = s.first(tiles);
                    if (s.end(tiles) > f && owner[f] < 0) {
                        shares.add(s.toString());
                    }
                }
            }
            throw new IllegalArgumentException("incomplete: missing " + String.join(", ", missing)
                    + (shares.isEmpty() ? "" : (shares.size() == 1 ? " (part " : " (parts ") + String.join(", ", shares)
                    + " not given)"));
        }
    }
}
