package eoslab.cli;

import eoslab.io.OutputSet;
import eoslab.spec.ModelSpec;
import eoslab.spec.RunSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
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

    @ArgGroup(exclusive = false, heading = "%nHessian measurements (--model linear|diagonal):%n")
    SharpnessOptions sharpness;

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

    @Option(names = "--save-theta", paramLabel = "FILE.json",
            description = "Write the last iterate's parameters in the form --theta reads, plus a manifest (default: "
                    + "none).")
    Path saveTheta;

    @Option(names = "--save-start", paramLabel = "FILE.json",
            description = "Write the start's parameters in the form --theta reads, plus a manifest (default: none).")
    Path saveStart;

    /**
     * The planned result files (--out, --save-theta, --save-start) and their manifests, checked before any
     * computation, or null when none is asked for.
     */
    OutputSet outputs() {
        List<Path> files = new ArrayList<>();
        for (Path p : new Path[] {outFile, saveTheta, saveStart}) {
            if (p != null) {
                files.add(p);
            }
        }
        return files.isEmpty() ? null : BaseCommand.plan(files, force.force);
    }

    /** The run's specification (the sharpness sampled every {@code defaultEvery} steps unless given). */
    public RunSpec spec(long defaultEvery) {
        ModelSpec model = problem.model();
        RunSpec spec = gd.settings().run(model, problem.start(), eta.eta());
        BaseCommand.requireAtLeast("--every", every, 1);
        if (model instanceof ModelSpec.Shallow) {
            String given = sharpness == null ? null : sharpness.firstGiven();
            if (given != null) {
                throw new UsageException(given + " applies to --model linear|diagonal (the shallow model's "
                        + "sharpness is in closed form)");
            }
            return spec;
        }
        SharpnessOptions s = sharpness == null ? new SharpnessOptions() : sharpness;
        return spec.withSharpness(s.spec(defaultEvery));
    }

    /** The run's specification with the sharpness at the start and the end only (unless given). */
    public RunSpec spec() {
        return spec(0);
    }
}
