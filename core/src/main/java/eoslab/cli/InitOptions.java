package eoslab.cli;

import eoslab.dynamics.GdStepper;
import eoslab.model.shallow.ScalarDataSet;
import eoslab.model.shallow.VectorPoint;
import eoslab.spec.StartSpec;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine.Option;

/** The shared options that fix the problem and the initialization (exactly one form), resolved into a {@link Setup}. */
public final class InitOptions {
    @Option(names = "--a", split = ",", paramLabel = "x1,x2,…",
            description = "Explicit initial vector a (use with --b; equal lengths d >= 1). No default: give exactly one "
                    + "initialization form, --a/--b, --width/--scale or --m0/--lambda0.")
    double[] a;

    @Option(names = "--b", split = ",", paramLabel = "y1,y2,…", description = "Explicit initial vector b (use with --a; no default).")
    double[] b;

    @Option(names = "--width", paramLabel = "d",
            description = "Gaussian initialization: width d (default 1 when --scale is given).")
    Integer width;

    @Option(names = "--scale", paramLabel = "σ", description = "Gaussian initialization: a_i ~ N(0, σ²) (no default; selects this form).")
    Double scale;

    @Option(names = "--scale-b", paramLabel = "σ_b", description = "Gaussian initialization: b_i ~ N(0, σ_b²) (default σ).")
    Double scaleB;

    @Option(names = "--seed", paramLabel = "n",
            description = "Seed of the Gaussian initialization (java.util.Random; same vectors on every machine; "
                    + "default 42).")
    Long seed;

    @Option(names = "--m0", paramLabel = "m", description = "Canonical initialization: aᵀb = m (use with --lambda0; no default).")
    Double m0;

    @Option(names = "--lambda0", paramLabel = "λ",
            description = "Canonical initialization: ‖a‖² + ‖b‖² = λ (requires λ >= 2|m|; no default). Width 1 loses "
                    + "nothing: GD and GF depend only on (m, λ) (model.md §3).")
    Double lambda0;

    @Option(names = "--phi", paramLabel = "Φ", description = "Target Φ of L = ½(aᵀb − Φ)² (default 1).")
    Double phi;

    @Option(names = "--data", paramLabel = "FILE.csv",
            description = "Scalar data set with columns x,y: loss (1/2n)Σ(aᵀb·x − y)², which equals σ²·½(aᵀb − Φ)² + const "
                    + "with σ² = mean x², Φ = Σxy/Σx²; --eta is then the step on this data loss (model step ησ²). Default: none "
                    + "(use --phi).")
    Path data;

    /** Resolves the options. */
    public Setup resolve() {
        List<String> forms = new ArrayList<>();
        if (a != null || b != null) {
            forms.add("--a/--b");
        }
        if (width != null || scale != null || scaleB != null || seed != null) {
            forms.add("--width/--scale/--scale-b/--seed");
        }
        if (m0 != null || lambda0 != null) {
            forms.add("--m0/--lambda0");
        }
        if (forms.isEmpty()) {
            throw new UsageException("no initialization: give one of --a/--b, --width/--scale or --m0/--lambda0");
        }
        if (forms.size() > 1) {
            throw new UsageException("give exactly one initialization form, got " + String.join(" and ", forms));
        }
        if (phi != null && data != null) {
            throw new UsageException("give --phi or --data, not both");
        }
        StartSpec init = initialization();
        ScalarDataSet set = data == null ? null : readData(data);
        double target = set != null ? set.phi() : phi == null ? 1.0 : requireFinite("--phi", phi);
        if (Math.abs(target) > GdStepper.DIVERGENCE_NORM) {
            throw new UsageException("the target |Φ| = " + Math.abs(target) + " exceeds the bound 1e100");
        }
        VectorPoint point = init.point();
        if (!(point.norm() <= GdStepper.DIVERGENCE_NORM)) {
            throw new UsageException("the initial norm ‖a‖² + ‖b‖² = " + point.norm()
                    + " exceeds the divergence bound 1e100");
        }
        return new Setup(target, init, point, set, data == null ? null : data.toString());
    }

    private StartSpec initialization() {
        try {
            if (a != null || b != null) {
                if (a == null || b == null) {
                    throw new UsageException("--a and --b must be given together");
                }
                return new StartSpec.Explicit(VectorPoint.of(a, b));
            }
            if (m0 != null || lambda0 != null) {
                if (m0 == null || lambda0 == null) {
                    throw new UsageException("--m0 and --lambda0 must be given together");
                }
                return new StartSpec.Canonical(requireFinite("--m0", m0), requireFinite("--lambda0", lambda0));
            }
            if (scale == null) {
                throw new UsageException("Gaussian initialization needs --scale");
            }
            double s = requireFinite("--scale", scale);
            double sb = scaleB == null ? s : requireFinite("--scale-b", scaleB);
            int d = width == null ? 1 : width;
            if (d < 1) {
                throw new UsageException("--width must be at least 1, got " + d);
            }
            if (s < 0 || sb < 0) {
                throw new UsageException("--scale and --scale-b must be non-negative");
            }
            return new StartSpec.Gaussian(d, s, sb, seed == null ? StartSpec.DEFAULT_SEED : seed);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Reads a CSV data set with a header naming columns x and y. */
    static ScalarDataSet readData(Path file) {
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw new UsageException("cannot read data file " + file);
        }
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (Reader in = Files.newBufferedReader(file); CSVParser parser = format.parse(in)) {
            if (!parser.getHeaderMap().containsKey("x") || !parser.getHeaderMap().containsKey("y")) {
                throw new UsageException("data file " + file + " must have a header with columns x and y");
            }
            for (CSVRecord r : parser) {
                xs.add(parseNumber(file, r, "x"));
                ys.add(parseNumber(file, r, "y"));
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            if (e instanceof UsageException u) {
                throw u;
            }
            throw new UsageException("malformed data file " + file + ": " + firstLine(e.getMessage()));
        }
        if (xs.isEmpty()) {
            throw new UsageException("data file " + file + " has no rows");
        }
        try {
            return ScalarDataSet.of(xs.stream().mapToDouble(Double::doubleValue).toArray(),
                    ys.stream().mapToDouble(Double::doubleValue).toArray());
        } catch (IllegalArgumentException e) {
            throw new UsageException("data file " + file + ": " + e.getMessage());
        }
    }

    private static double parseNumber(Path file, CSVRecord r, String column) {
        String text = r.isSet(column) ? r.get(column) : "";
        try {
            double v = Double.parseDouble(text);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UsageException("data file " + file + " line " + r.getRecordNumber() + ": " + column
                    + " is not a finite number: '" + text + "'");
        }
    }

    static double requireFinite(String option, double value) {
        if (!Double.isFinite(value)) {
            throw new UsageException(option + " must be a finite number, got " + value);
        }
        return value;
    }

    static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
