package eoslab.cli;

import eoslab.io.Manifest;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** Entry point of the {@code eoslab} command. */
@Command(name = "eoslab", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Exact laboratory for gradient descent vs gradient flow on L(a,b) = ½(aᵀb − Φ)².",
                "Run a command with --help for its options."},
        footer = {"", "Conventions: loss L = ½(aᵀb − Φ)², or with --data the data loss (1/2n)Σ(aᵀb·x − y)² = "
                + "σ²·L + const (GD step η on the data = step ησ² on L); --eta-rel c means η = c·2/λ_GF, "
                + "λ_GF = √(4Φ² + Q₀²); a run diverges when λ = ‖a‖² + ‖b‖² would exceed 1e100; time = η·step "
                + "(ηk/(1 − β) with momentum β); "
                + "every --out FILE gets FILE.manifest.json; Gaussian starts use java.util.Random (default seed 42)."},
        subcommands = {RunCommand.class, FlowCommand.class, CompareCommand.class, CheckCommand.class,
                ReproduceCommand.class, SweepCommand.class, PhaseCommand.class, AtlasCommand.class,
                BifurcationCommand.class, MergeCommand.class, BenchCommand.class, ServeCommand.class, BatchCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (try --help)");
    }

    /** Runs the tool and exits with its code. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = execute(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Runs the tool with the given streams. Bad input: one line {@code error: …} on err and code 2; internal failure:
     * one line and code 1; never a stack trace.
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setDefaultValueProvider(new StopOptions.Defaults());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("error: " + firstLine(ex.getMessage()));
            err.flush();
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Throwable t = ex;
            if (t instanceof UsageException || t instanceof IllegalArgumentException
                    || t instanceof UncheckedIOException) {
                err.println("error: " + firstLine(t.getMessage()));
                err.flush();
                return 2;
            }
            err.println("error: internal failure: " + t + " (please report)");
            err.flush();
            return 1;
        });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("error: out of memory (" + e.getMessage() + "); use a smaller --width or grid, or give the JVM "
                    + "more heap: EOSLAB_JAVA_OPTS=-Xmx8g ./eoslab …");
            err.flush();
            return 2;
        }
    }

    static String firstLine(String s) {
        return s == null ? "unknown error" : s.lines().findFirst().orElse("").trim();
    }

    /** Version string from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"eoslab " + Manifest.version(), "Java " + System.getProperty("java.version")};
        }
    }
}
