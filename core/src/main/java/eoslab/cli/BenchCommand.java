package eoslab.cli;

import eoslab.dynamics.StopRule;
import eoslab.grid.Axis;
import eoslab.measure.PhaseMap;
import eoslab.spec.RunSettings;
import eoslab.sweep.KernelBench;
import eoslab.sweep.ParameterGrid;
import eoslab.sweep.PhaseEngine;
import eoslab.sweep.PhaseSpec;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code eoslab bench}: the phase kernel's speed targets, measured on this machine. */
@Command(name = "bench", mixinStandardHelpOptions = true, header = "Measure the phase kernel's speed on this machine.", sortOptions = false,
        description = {"Measures the phase kernel: lane-steps per second on one core (lanes in the normal floating-point "
                + "range that run the whole budget, with the exact per-step checks and the final classification; and, "
                + "as lane_steps_per_second_per_core_subnormal, orbits whose ‖a − b‖ decays into subnormal numbers, "
                + "which the processor computes slowly), the momentum kernel's lane-steps per second on one core for heavy "
                + "ball and Nesterov (β = 0.5, the normal-range lanes, measured in alternation with the GD kernel) and "
                + "their ratio to GD's, the speed-up from 1 to --threads threads, and the wall time of a "
                + "phase map (eta 0.2:1.6 × lambda0 0.5:8 at Φ = 1, m0 = 0, --steps steps per cell) of --size² cells. "
                + "Other load on the machine lowers the figures: the load average is reported with them."})
final class BenchCommand extends BaseCommand {
    @Option(names = "--size", paramLabel = "n", defaultValue = "2048",
            description = "Side of the timed phase map (default ${DEFAULT-VALUE}); another size also reports an "
                    + "extrapolation to 2048², labelled as such.")
    int size;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "10000",
            description = "Step budget per cell of the timed map (default ${DEFAULT-VALUE}).")
    int steps;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--reps", paramLabel = "r", defaultValue = "5",
            description = "Repetitions of each throughput measurement; the best is reported (default ${DEFAULT-VALUE}).")
    int reps;

    @Option(names = "--json", description = "Print the figures as one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        int n = threads.count();
        requireAtLeast("--size", size, 2);
        requireAtLeast("--steps", steps, 1);
        requireAtLeast("--reps", reps, 1);
        // The map first, in a fresh JVM like the phase command (measured afterwards, the JIT's kernel profile from
        // the throughput runs makes its time vary by 3×).
        ParameterGrid g = ParameterGrid.canonical(new Axis("eta", 0.2, 1.6, size, false),
                Axis.single("phi", 1.0), Axis.single("m0", 0.0), new Axis("lambda0", 0.5, 8, size, false),
                RunSettings.gd(new StopRule(steps, 1e-12)));
        PhaseSpec spec = new PhaseSpec(g, 3);
        long t0 = System.nanoTime();
        PhaseMap map = PhaseEngine.run(spec, n, null);
        double seconds = (System.nanoTime() - t0) * 1e-9;
        long laneSteps = 0;
        for (int s : map.steps()) {
            laneSteps += s;
        }
        int kernelSteps = 20000;
        int tiles = 8;
        // the GD kernel and the momentum kernels in alternation on the same workload, one core each
        double[] perCore = KernelBench.throughputs(new KernelBench.Kernel[] {KernelBench.Kernel.GD,
            KernelBench.Kernel.HEAVY_BALL, KernelBench.Kernel.NESTEROV}, KernelBench.Workload.NORMAL, 1, tiles,
                kernelSteps, reps);
        double one = perCore[0];
        double heavyBall = perCore[1];
        double nesterov = perCore[2];
        double many = KernelBench.throughput(KernelBench.Workload.NORMAL, n, tiles, kernelSteps, reps);
        double subnormal = KernelBench.throughput(KernelBench.Workload.SUBNORMAL, 1, tiles, kernelSteps, reps);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lane_steps_per_second_per_core", one);
        m.put("lane_steps_per_second", many);
        m.put("threads", n);
        m.put("thread_speedup", many / one);
        m.put("lane_steps_per_second_per_core_subnormal", subnormal);
        m.put("heavy_ball_lane_steps_per_second_per_core", heavyBall);
        m.put("heavy_ball_vs_gd", heavyBall / one);
        m.put("nesterov_lane_steps_per_second_per_core", nesterov);
        m.put("nesterov_vs_gd", nesterov / one);
        m.put("phase_size", size);
        m.put("phase_steps", steps);
        m.put("phase_seconds", seconds);
        m.put("phase_lane_steps", laneSteps);
        m.put("phase_lane_steps_per_second", laneSteps / seconds);
        if (size == 2048) {
            m.put("phase_2048_seconds", seconds);
        } else {
            m.put("phase_2048_seconds_extrapolated", seconds * (2048.0 * 2048.0) / ((double) size * size));
        }
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("cpu", cpu());
        m.put("load_average", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        print(m, json);
        return 0;
    }

    private static String cpu() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }
}
