package eoslab.io;

import eoslab.EoslabTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/** Data files as spreadsheets write them: a byte-order mark, quoted numbers, blank lines, CRLF line ends. */
class NumericCsvTest extends EoslabTest {
    @TempDir
    Path dir;

    @Test
    void readsWhatSpreadsheetsWrite() throws IOException {
        Path f = dir.resolve("points.csv");
        Files.write(f, "\uFEFFx,y\r\n1,2\r\n\r\n\"-0.5\",3e-2\r\n".getBytes(StandardCharsets.UTF_8));
        NumericCsv t = NumericCsv.read(f, Set.of("x", "y"), Set.of("x", "y")::contains, "x and y");
        assertThat(t.columns()).containsExactly("x", "y");
        assertThat(t.column("x")).containsExactly(1.0, -0.5);
        assertThat(t.column("y")).containsExactly(2.0, 0.03);
        assertThat(DataSetCsv.read(f).phi()).isEqualTo((1 * 2.0 - 0.5 * 0.03) / (1 + 0.25));
    }
}
