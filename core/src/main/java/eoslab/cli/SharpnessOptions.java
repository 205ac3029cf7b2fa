package eoslab.cli;

import eoslab.spec.SharpnessSpec;
import picocli.CommandLine.Option;

/** What GD runs of the deep linear and diagonal networks measure of the Hessian (an argument group). */
final class SharpnessOptions {
    @Option(names = "--sharpness", paramLabel = "auto|lanczos|arpack|dense|exact",
            description = "Estimator of the top Hessian eigenvalues: lanczos (matrix-free Krylov, seeded by the last "
                    + "estimates' eigenvectors; docs/models.md §3.1), arpack "
                    + "(ARPACK's implicitly restarted Lanczos), dense (the assembled Hessian, up to "
                    + "3000 parameters), exact (closed form at global minima where known, else auto), auto (dense up "
                    + "to " + SharpnessSpec.AUTO_DENSE_MAX + " parameters, else lanczos; default).")
    String method;

    @Option(names = "--top-k", paramLabel = "k", description = "Number of top eigenvalues (default 1).")
    Integer topK;

    @Option(names = "--sharpness-every", paramLabel = "k",
            description = "Estimate the sharpness every k-th step (0: at the start and the end only; default 0, "
                    + "for compare 1).")
    Long every;

    @Option(names = "--gfs-every", paramLabel = "k",
            description = "Also the GF-solution sharpness (gradient flow from the iterate to the tolerance, then its "
                    + "sharpness) every k-th step (default 0: from the start only).")
    Long gfsEvery;

    @Option(names = "--no-gfs", description = "Do not compute the GF-solution sharpness at all (for large models; "
            + "--eta-rel then cannot be used). Default: computed from the start.")
    boolean noGfs;

    /** The settings, with the command's default sampling interval. */
    SharpnessSpec spec(long defaultEvery) {
        try {
            return new SharpnessSpec(method == null ? SharpnessSpec.DEFAULT.method() : method,
                    topK == null ? SharpnessSpec.DEFAULT.topK() : topK, every == null ? defaultEvery : every,
                    gfsEvery == null ? SharpnessSpec.DEFAULT.gfsEvery() : gfsEvery, !noGfs);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The first option given, or null (for refusing them on the shallow model). */
    String firstGiven() {
        return method != null ? "--sharpness" : topK != null ? "--top-k" : every != null ? "--sharpness-every"
                : gfsEvery != null ? "--gfs-every" : noGfs ? "--no-gfs" : null;
    }
}
