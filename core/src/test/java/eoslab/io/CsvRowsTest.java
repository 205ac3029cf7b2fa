package eoslab.io;

import eoslab.EoslabTest;
import java.io.IOException;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CsvRows}: header, '\n' records, numbers as Java prints them, null and NaN/∞ as empty cells, RFC 4180
 * quoting.
 */
class CsvRowsTest extends EoslabTest {

    @Test
    void writesHeaderAndRowsWithNewlineRecords() {
        StringBuilder out = new StringBuilder();
        CsvRows rows = CsvRows.withHeader(out, List.of("step", "loss", "label"));
        rows.row(0L, 0.1, "converged").row(12, 1.0E-20, true).row(List.of(3, -0.0, "x"));
        rows.flush();
        assertThat(out.toString()).isEqualTo("step,loss,label\n0,0.1,converged\n12,1.0E-20,true\n3,-0.0,x\n");
        assertThat(out.toString()).doesNotContain("\r");
    }

    @Test
    void nullNanAndInfinitiesAreEmptyCells() throws IOException {
        StringBuilder out = new StringBuilder();
        CsvRows rows = CsvRows.withoutHeader(out);
        rows.row(1, null, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 2.5);
        rows.row(Double.NaN, 2);
        rows.flush();
        // commons-csv quotes an empty first cell ("") so that the record is not read as a blank line
        assertThat(out.toString()).isEqualTo("1,,,,,2.5\n\"\",2\n");
        try (CSVParser p = CSVFormat.DEFAULT.parse(new StringReader(out.toString()))) {
            List<CSVRecord> records = p.getRecords();
            assertThat(records.get(0).toList()).containsExactly("1", "", "", "", "", "2.5");
            assertThat(records.get(1).toList()).containsExactly("", "2");
        }
    }

    @Test
    void everyFiniteDoubleIsWrittenInItsShortestRoundTripForm() {
        StringBuilder out = new StringBuilder();
        CsvRows rows = CsvRows.withoutHeader(out);
        double[] values = new double[50];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.scalb(rng.nextGaussian(), rng.nextInt(400) - 200);
            rows.row(values[i]);
        }
        rows.flush();
        double[] back = out.toString().lines().mapToDouble(Double::parseDouble).toArray();
        assertThat(back).containsExactly(values);
        assertThat(out.toString().lines().toList())
                .isEqualTo(Arrays.stream(values).mapToObj(Double::toString).toList());
    }

    @Test
    void quotesCellsWithSeparatorsQuotesOrLineBreaks() {
        StringBuilder out = new StringBuilder();
        CsvRows.withoutHeader(out).row("a,b", "say \"hi\"", "two\nlines", "plain").flush();
        assertThat(out.toString()).isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",plain\n");
    }

    @Test
    void rowsReachTheTargetWhenFlushed() {
        StringBuilder out = new StringBuilder();
        CsvRows rows = CsvRows.withHeader(out, List.of("a"));
        rows.row(1);
        rows.flush();
        assertThat(out.toString()).isEqualTo("a\n1\n");
        rows.row(2);
        rows.flush();
        assertThat(out.toString()).isEqualTo("a\n1\n2\n");
    }
}
