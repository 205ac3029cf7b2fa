package eoslab.cli;

import eoslab.dynamics.StopRule;
import eoslab.report.Figure;
import eoslab.report.Figures;
import eoslab.report.ReportSettings;
import eoslab.report.ReportWriter;
import eoslab.theory.CheckGrid;
import eoslab.theory.ClaimChecker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code eoslab reproduce}: the report with figures F1–F7, their data, the claim verdicts and a manifest. */
@Command(name = "reproduce", mixinStandardHelpOptions = true, header = "Write the report: figures F1-F7, data, check verdicts, manifest.", sortOptions = false,
        description = {"Reproduce the findings: write report.html (self-contained), report.md, figures/NAME.png and "
                + "NAME.svg, data/NAME.csv and manifest.json into DIR.",
                "Figures: F1 loss vs time (GD at 3 step sizes, GF), F2 sharpness of GD's solution vs η, F3 steps and "
                        + "regularization gain vs η, F4 edge of stability, F5 imbalance, F6 ln(Q0/Q∞) vs 2η²ΣL, "
                        + "F7 catapult; plus the `eoslab check` verdict table.",
                "Progress goes to stderr."})
final class ReproduceCommand extends BaseCommand {
    @Option(names = "--out", paramLabel = "DIR", defaultValue = "eoslab-report",
            description = "Output directory, created if missing (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--quick", description = "Coarser grids, same figures and files (well under 20 s).")
    boolean quick;

    @Mixin
    ThreadsOption threads;

    @Override
    public Integer call() {
        int n = threads.count();
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UsageException("--out " + out + " exists and is not a directory");
        }
        // fail before the computation, not after it, when the directory cannot be made or written
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UsageException("cannot create --out directory " + out + ": " + e.getMessage());
        }
        if (!Files.isWritable(out)) {
            throw new UsageException("--out directory " + out + " is not writable");
        }
        ReportSettings settings = ReportSettings.of(quick, n);
        long t0 = System.nanoTime();
        List<Figure> figures = Figures.all(settings, this::progress);
        CheckGrid grid = CheckGrid.builtIn(settings.checkEtaCount(), new StopRule(CheckGrid.DEFAULT_STEPS, 1e-12));
        progress("claim check: " + grid.cases() + " runs");
        ClaimChecker.Report check = ClaimChecker.check(grid, n, done -> { });
        progress("writing " + out);
        ReportWriter.write(out, figures, check, settings, argv());
        out().printf(Locale.ROOT, "wrote %s (report.html, report.md, %d figures, data, manifest.json) in %.1f s%n",
                out, figures.size(), (System.nanoTime() - t0) / 1e9);
        out().flush();
        return 0;
    }

    private void progress(String message) {
        err().println("reproduce: " + message);
        err().flush();
    }
}
