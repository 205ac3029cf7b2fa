package eoslab.exec;

import eoslab.EoslabTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The partition of tiles into parts i/N, and the cover check of merged parts. */
class TileShareTest extends EoslabTest {

    @Test
    void partsCoverEveryTileOnceWithSizesWithinOne() {
        for (int tiles = 0; tiles <= 40; tiles++) {
            for (int n = 1; n <= 20; n++) {
                int[] seen = new int[tiles];
                int min = Integer.MAX_VALUE;
                int max = 0;
                for (int i = 0; i < n; i++) {
                    TileShare s = new TileShare(i, n);
                    min = Math.min(min, s.size(tiles));
                    max = Math.max(max, s.size(tiles));
                    for (int k = 0; k < s.size(tiles); k++) {
                        assertThat(s.tile(k) % n).isEqualTo(i);
                        seen[s.tile(k)]++;
                    }
                }
                for (int t = 0; t < tiles; t++) {
                    assertThat(seen[t]).as("tile %d of %d in %d parts", t, tiles, n).isEqualTo(1);
                }
                assertThat(max - min).isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void parsesIOverNAndRefusesTheRest() {
        assertThat(TileShare.parse("3/16")).isEqualTo(new TileShare(3, 16));
        assertThat(TileShare.parse(" 0 / 1 ")).isEqualTo(new TileShare(0, 1));
        assertThat(new TileShare(3, 16)).hasToString("3/16");
        for (String bad : List.of("16/16", "-1/4", "1/0", "1", "1/2/3", "a/b", "")) {
            assertThatThrownBy(() -> TileShare.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("--tile");
        }
    }

    @Test
    void coverNamesMissingDuplicatedAndMixedParts() {
        List<TileCover.Part> all = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            all.add(new TileCover.Part("p" + i, new TileShare(i, 3)));
        }
        TileCover.check(all, 7);
        assertThatThrownBy(() -> TileCover.check(all.subList(0, 2), 7))
                .hasMessage("incomplete: part 2/3 not given (2 of 7 tiles missing)");
        List<TileCover.Part> twice = new ArrayList<>(all);
        twice.add(all.get(1));
        assertThatThrownBy(() -> TileCover.check(twice, 7))
                .hasMessage("duplicate part: p1 (part 1/3) and p1 (part 1/3) both hold tile 1");
        // parts of different splits may be combined when they cover every tile once; otherwise the tiles are named
        List<TileCover.Part> mixed = List.of(new TileCover.Part("a", new TileShare(0, 2)),
                new TileCover.Part("b", new TileShare(1, 4)));
        assertThatThrownBy(() -> TileCover.check(mixed, 12))
                .hasMessage("incomplete: missing tiles 3, 7, 11 (of 12)");
        TileCover.check(List.of(new TileCover.Part("a", new TileShare(0, 2)), new TileCover.Part("b",
                new TileShare(1, 4)), new TileCover.Part("c", new TileShare(3, 4))), 12);
        assertThatThrownBy(() -> TileCover.check(List.of(), 3)).hasMessage("incomplete: missing tiles 0, 1, 2 (of 3)");
    }
}
