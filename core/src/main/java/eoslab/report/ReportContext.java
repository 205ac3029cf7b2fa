package eoslab.report;

import java.util.List;
import java.util.function.Consumer;

/**
 * What the sections of one report share: its settings, a progress sink, and computations more than one section
 * uses, made once on first use.
 */
public final class ReportContext {
    private final ReportSettings settings;
    private final Consumer<String> progress;
    private List<EtaSweep.Point> mainSweep;

    ReportContext(ReportSettings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /** The settings. */
    public ReportSettings settings() {
        return settings;
    }

    /** Reports progress (one line on stderr from the CLI). */
    public void progress(String message) {
        progress.accept(message);
    }

    /** The η sweep from {@link ReportSettings#MAIN} behind F2, F3 and F6. */
    synchronized List<EtaSweep.Point> mainSweep() {
        if (mainSweep == null) {
            progress("η sweep (" + settings.sweepCount() + " step sizes) for F2, F3, F6");
            mainSweep = EtaSweep.run(ReportSettings.MAIN, SweepSection.sweepEtas(settings), ReportSettings.RULE,
                    settings.threads());
        }
        return mainSweep;
    }
}
