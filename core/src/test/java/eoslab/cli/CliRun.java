package eoslab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import eoslab.io.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One in-process run of the tool through {@link Main#execute}, with its exit code and captured streams.
 *
 * @param code exit code
 * @param out  standard output
 * @param err  standard error
 */
record CliRun(int code, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Standard output parsed as JSON. */
    JsonNode json() {
        try {
            return Json.mapper().readTree(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CSV file with header, parsed. */
    static Csv csv(Path file) {
        try (Reader in = Files.newBufferedReader(file);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            return new Csv(p.getHeaderNames(), p.getRecords());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A parsed CSV file.
     *
     * @param header the column names
     * @param rows   the records
     */
    record Csv(List<String> header, List<CSVRecord> rows) {
        double value(int row, String column) {
            return Double.parseDouble(rows.get(row).get(column));
        }
    }
}
