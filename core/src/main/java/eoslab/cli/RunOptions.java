package eoslab.cli;

import eoslab.io.OutputSet;
import eoslab.spec.RunSpec;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Everything that describes one GD run on the command line, and its trajectory output. */
public final class RunOptions {
    @Mixin
    ProblemOptions problem;
    @Mixin
    EtaOptions eta;
    @Mixin
    GdOptions gd;

    @Option(names = "--out", paramLabel = "FILE.csv",
            description = "Write the trajectory, one row per kept step (see --every), plus FILE.csv.manifest.json "
                    + "(default: none, no file).")
    Path outFile;

    @Option(names = "--every", paramLabel = "k", defaultValue = "1",
            description = "Keep every k-th step in --out, always the first and the last (default ${DEFAULT-VALUE}).")
    long every;

    @Mixin
    ForceOption force;

    @Option(names = "--json", description = "Print the summary as one JSON object (default: an aligned table).")
    boolean json;

    /** The planned --out file and its manifest (checked before any computation), or null without --out. */
    OutputSet outputs() {
        return outFile == null ? null : BaseCommand.plan(List.of(outFile), force.force);
    }

    /** The run's specification. */
    public RunSpec spec() {
        RunSpec spec = gd.settings().run(problem.model(), problem.start(), eta.eta());
        BaseCommand.requireAtLeast("--every", every, 1);
        return spec;
    }
}
