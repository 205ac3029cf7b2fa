package eoslab.io;

import eoslab.EoslabTest;
import eoslab.model.shallow.ScalarDataSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link DataSetCsv}: a good file reduces as {@link ScalarDataSet#of}; each malformed file has a one-line message. */
class DataSetCsvTest extends EoslabTest {
    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path f = dir.resolve("data.csv");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void readsAGoodFile() throws IOException {
        double[] x = new double[30];
        double[] y = new double[30];
        StringBuilder text = new StringBuilder("x,y\n");
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian();
            y[i] = 0.7 * x[i] + 0.1 * rng.nextGaussian();
            text.append(x[i]).append(',').append(y[i]).append('\n');
        }
        assertThat(DataSetCsv.read(file(text.toString()))).isEqualTo(ScalarDataSet.of(x, y));
    }

    @Test
    void toleratesColumnOrderSpacesAndBlankLinesButNotExtraOrRepeatedColumns() throws IOException {
        ScalarDataSet expected = ScalarDataSet.of(new double[] {1, 2}, new double[] {3, 5});
        assertThat(DataSetCsv.read(file("y,x\n3,1\n5,2\n"))).isEqualTo(expected);
        Path extra = file("id,y,x\na,3,1\nb,5,2\n");
        assertThatThrownBy(() -> DataSetCsv.read(extra))
                .hasMessage("data file " + extra + ": unexpected column 'id' (expected x and y)");
        Path twice = file("x,x,y\n1,2,3\n");
        assertThatThrownBy(() -> DataSetCsv.read(twice))
                .hasMessage("data file " + twice + ": column 'x' appears twice in the header");
        assertThat(DataSetCsv.read(file(" x , y \n\n 1 , 3 \n\n2,5\n\n"))).isEqualTo(expected);
        assertThat(DataSetCsv.read(file("x,y\r\n1,3\r\n2,5\r\n"))).isEqualTo(expected);
    }

    @Test
    void refusesAMissingFileOrADirectory() {
        Path missing = dir.resolve("none.csv");
        assertThatThrownBy(() -> DataSetCsv.read(missing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot read data file " + missing);
        assertThatThrownBy(() -> DataSetCsv.read(dir)).hasMessage("cannot read data file " + dir);
    }

    @Test
    void refusesAFileWithoutXAndYColumns() throws IOException {
        Path f = file("a,y\n1,2\n");
        assertThatThrownBy(() -> DataSetCsv.read(f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("data file " + f + " must have a header with columns x and y");
        Path g = file("");
        assertThatThrownBy(() -> DataSetCsv.read(g))
                .hasMessage("data file " + g + " must have a header with columns x and y");
    }

    @Test
    void namesTheRowTheColumnAndTheTextOfABadNumber() throws IOException {
        // "line" is the line of the file, the header being line 1 and blank lines counted
        Path f = file("x,y\n1,2\nabc,3\n");
        assertThatThrownBy(() -> DataSetCsv.read(f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("data file " + f + " line 3: x is not a finite number: 'abc'");
        Path blank = file("x,y\n\n1,2\n\n3,abc\n");
        assertThatThrownBy(() -> DataSetCsv.read(blank))
                .hasMessage("data file " + blank + " line 5: y is not a finite number: 'abc'");
        Path g = file("x,y\n1,NaN\n");
        assertThatThrownBy(() -> DataSetCsv.read(g))
                .hasMessageMatching("data file \\Q" + g + "\\E line \\d+: y is not a finite number: 'NaN'");
        Path h = file("x,y\n1,Infinity\n");
        assertThatThrownBy(() -> DataSetCsv.read(h)).hasMessageEndingWith("y is not a finite number: 'Infinity'");
        Path s = file("x,y\n1\n");
        assertThatThrownBy(() -> DataSetCsv.read(s)).hasMessage("data file " + s + " line 2: 1 value for 2 columns");
        Path e = file("x,y\n1,\n");
        assertThatThrownBy(() -> DataSetCsv.read(e)).hasMessageEndingWith("line 2: y is not a finite number: ''");
    }

    @Test
    void refusesAFileWithoutRows() throws IOException {
        Path f = file("x,y\n\n");
        assertThatThrownBy(() -> DataSetCsv.read(f)).hasMessage("data file " + f + " has no rows");
    }

    @Test
    void refusesDataThatDoNotReduce() throws IOException {
        Path f = file("x,y\n0,1\n0,2\n");
        assertThatThrownBy(() -> DataSetCsv.read(f))
                .hasMessage("data file " + f + ": data set needs at least one non-zero x");
    }

    @Test
    void refusesMalformedCsvInOneLine() throws IOException {
        Path f = file("x,y\n\"1,2\n");
        assertThatThrownBy(() -> DataSetCsv.read(f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("data file " + f + " is not valid CSV: a quoted value is never closed (line 2)");
    }
}
