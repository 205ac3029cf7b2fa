package eoslab.cli;

import eoslab.plot.FigureSize;
import picocli.CommandLine.Option;

/** The size and resolution of the figures a command draws (PNG, SVG and PDF of the same drawing). */
public final class FigureOptions {
    @Option(names = "--size", paramLabel = "WxH", defaultValue = "6.5x4",
            description = "Figure size in inches, width x height (default ${DEFAULT-VALUE}); SVG and PDF are this "
                    + "size, text is in points.")
    String size;

    @Option(names = "--dpi", paramLabel = "N", defaultValue = "150",
            description = "PNG resolution in pixels per inch (default ${DEFAULT-VALUE}: 975x600 pixels at 6.5x4).")
    int dpi;

    /** The figure size. */
    FigureSize figureSize() {
        try {
            return FigureSize.parse(size, dpi);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
