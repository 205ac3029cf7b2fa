package eoslab.cli;

import eoslab.io.OutputDirectory;
import eoslab.plot.FigureSize;
import eoslab.report.Report;
import eoslab.report.ReportSettings;
import eoslab.report.ReportWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code eoslab reproduce}: the report with figures F1–F13, their data, the claim verdicts and a manifest. */
@Command(name = "reproduce", mixinStandardHelpOptions = true, header = "Write the report: figures F1-F13, data, check verdicts, manifest.", sortOptions = false,
        description = {"Reproduce the findings: write report.html (self-contained, mathematics as MathML), report.md, "
                + "figures/NAME.png, NAME.svg and NAME.pdf (one drawing), data/NAME.csv, statements.json (every "
                + "sentence with its numbers) and manifest.json into DIR.",
                "Figures: F1 loss vs time (GD at 3 step sizes, GF), F2 sharpness of GD's solution vs η, F3 steps and "
                        + "regularization gain vs η, F4 edge of stability, F5 imbalance, F6 ln(Q0/Q∞) vs 2η²ΣL, "
                        + "F7 catapult, F8 the convergence boundary η* over a phase map, F9 the period-doubling "
                        + "ladder with its closed-form 2-cycle and Lyapunov exponent, F10 critical slowing at "
                        + "η|Φ| = 1, F11 the sharpness of the limit of heavy ball and Nesterov vs η, F12 heavy ball "
                        + "over (η, β), F13 warm-up against a constant step; plus the `eoslab check` verdict table.",
                "Every sentence is generated from the numbers it describes and printed only when they bear it out.",
                "Progress goes to stderr."})
final class ReproduceCommand extends BaseCommand {
    @Option(names = "--out", paramLabel = "DIR", defaultValue = "eoslab-report",
            description = "Output directory, created if missing and written whole at the end; an existing non-empty "
                    + "one is replaced only with --force (default ${DEFAULT-VALUE}).")
    String out;

    @Mixin
    ForceOption force;

    @Option(names = "--quick", description = "Coarser grids, same figures and files (well under 20 s).")
    boolean quick;

    @Mixin
    ThreadsOption threads;

    @Mixin
    FigureOptions figure;

    @Override
    public Integer call() {
        int n = threads.count();
        FigureSize size = figure.figureSize();
        try (OutputDirectory dir = OutputDirectory.plan(out, force.force)) {
            write(dir, n, size);
        }
        return 0;
    }

    private void write(OutputDirectory dir, int n, FigureSize size) {
        ReportSettings settings = ReportSettings.of(quick, n, size);
        long t0 = System.nanoTime();
        Report report = Report.build(settings, this::progress);
        progress("writing " + out);
        try {
            ReportWriter.write(dir.staging(), report, argv());
        } catch (UncheckedIOException e) {
            // name the file as it would have been, not its temporary directory
            throw new UncheckedIOException(e.getMessage().replace(dir.staging().toString(), dir.target().toString()),
                    e.getCause());
        }
        dir.commit();
        out().printf(Locale.ROOT, "wrote %s (report.html, report.md, %d figures, data, statements.json, "
                + "manifest.json) in %.1f s%n", out, report.figures().size(), (System.nanoTime() - t0) / 1e9);
        out().flush();
    }

    private void progress(String message) {
        err().println("reproduce: " + message);
        err().flush();
    }
}
