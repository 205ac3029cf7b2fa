package eoslab.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A table of finite numbers read from a comma-separated UTF-8 file with a header line: what data files are. A
 * byte-order mark is skipped; another delimiter, duplicate or unexpected columns, short or long rows, text or
 * non-finite numbers, and malformed quoting are refused with one line naming the file, the line and the problem.
 *
 * @param columns the header, in file order
 * @param rows    the values, one array per data row, in header order
 */
public record NumericCsv(List<String> columns, List<double[]> rows) {

    /**
     * Reads a table.
     *
     * @param file     the file
     * @param required columns that must be there (checked first)
     * @param allowed  a predicate on column names: a column it rejects is an error ("unexpected column")
     * @param what     how the columns are described in errors (e.g. "x and y")
     * @throws IllegalArgumentException with a one-line message for any problem
     */
    public static NumericCsv read(Path file, Set<String> required, Predicate<String> allowed, String what) {
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw new IllegalArgumentException("cannot read data file " + file);
        }
        String text;
        try {
            text = decode(Files.readAllBytes(file));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("data file " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read data file " + file + ": " + e.getMessage());
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String header = text.lines().findFirst().orElse("");
        if (header.isBlank()) {
            throw new IllegalArgumentException("data file " + file + " must have a header with columns " + what);
        }
        if (!header.contains(",")) {
            for (String d : new String[] {";", "\t", "|"}) {
                if (header.contains(d)) {
                    throw new IllegalArgumentException("data file " + file + " separates its columns with '"
                            + (d.equals("\t") ? "\\t" : d) + "'; eoslab reads comma-separated files");
                }
            }
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true).get();
        List<String> columns = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        try (Reader in = new BufferedReader(new StringReader(text)); CSVParser parser = format.parse(in)) {
            boolean first = true;
            for (CSVRecord r : parser) {
                if (first) {
                    first = false;
                    Set<String> seen = new HashSet<>();
                    for (String c : r) {
                        seen.add(c);
                    }
                    if (!seen.containsAll(required)) {
                        throw new IllegalArgumentException("data file " + file + " must have a header with columns "
                                + what);
                    }
                    seen.clear();
                    for (String c : r) {
                        if (!seen.add(c)) {
                            throw new IllegalArgumentException("data file " + file + ": column '" + c
                                    + "' appears twice in the header");
                        }
                        if (!allowed.test(c)) {
                            throw new IllegalArgumentException("data file " + file + ": unexpected column '" + c
                                    + "' (expected " + what + ")");
                        }
                        columns.add(c);
                    }
                    continue;
                }
                long line = line(text, r.getCharacterPosition());
                if (r.size() != columns.size()) {
                    throw new IllegalArgumentException("data file " + file + " line " + line + ": " + r.size()
                            + (r.size() == 1 ? " value" : " values") + " for " + columns.size() + " columns");
                }
                double[] row = new double[columns.size()];
                for (int j = 0; j < row.length; j++) {
                    row[j] = number(file, line, r.get(j), columns.get(j));
                }
                rows.add(row);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new IllegalArgumentException("data file " + file + " is not valid CSV: " + plain(e));
        }
        return new NumericCsv(List.copyOf(columns), List.copyOf(rows));
    }

    private static String decode(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }

    /**
     * The 1-based line of the record that starts at offset {@code position} of the text (blank lines the parser
     * skipped before it are passed over).
     */
    private static long line(String text, long position) {
        int start = (int) Math.min(position, text.length());
        while (start < text.length() && (text.charAt(start) == '\n' || text.charAt(start) == '\r')) {
            start++;
        }
        long n = 1;
        for (int i = 0; i < start; i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    /** A parser's complaint in plain words. */
    private static String plain(Exception e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        Matcher at = Pattern.compile("line (\\d+)").matcher(m);
        String where = at.find() ? " (line " + at.group(1) + ")" : "";
        if (m.contains("EOF reached before encapsulated token finished")) {
            return "a quoted value is never closed" + where;
        }
        if (m.contains("invalid char between encapsulated token and delimiter")) {
            return "text follows a closing quote" + where;
        }
        return m.lines().findFirst().orElse(e.getClass().getSimpleName()).replaceAll("^[\\w.]+Exception: ", "");
    }

    private static double number(Path file, long line, String text, String column) {
        try {
            double v = Double.parseDouble(text);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("data file " + file + " line " + line + ": " + column
                    + " is not a finite number: '" + text + "'");
        }
    }

    /** The column with the given name, as an array over rows. */
    public double[] column(String name) {
        int j = columns.indexOf(name);
        if (j < 0) {
            throw new IllegalArgumentException("no column " + name);
        }
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows.get(i)[j];
        }
        return out;
    }
}
