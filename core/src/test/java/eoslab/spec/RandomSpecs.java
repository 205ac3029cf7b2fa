package eoslab.spec;

import eoslab.dynamics.Engine;
import eoslab.dynamics.Precision;
import eoslab.dynamics.StopRule;
import eoslab.model.shallow.VectorPoint;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Seeded random specifications of every form: all three starts, both step forms, every engine, decimal precision, a
 * target or a data file. Sized so that each run takes milliseconds.
 */
final class RandomSpecs {
    private final Random rng;
    private final List<Path> dataFiles;

    /**
     * @param rng       the generator
     * @param dataFiles data files a model may use (none: targets only)
     */
    RandomSpecs(Random rng, List<Path> dataFiles) {
        this.rng = rng;
        this.dataFiles = dataFiles;
    }

    private double signed(double scale) {
        return (rng.nextBoolean() ? 1 : -1) * scale * (0.1 + rng.nextDouble());
    }

    ModelSpec model() {
        if (!dataFiles.isEmpty() && rng.nextInt(4) == 0) {
            return ModelSpec.Shallow.ofData(dataFiles.get(rng.nextInt(dataFiles.size())).toString());
        }
        return ModelSpec.Shallow.ofPhi(switch (rng.nextInt(6)) {
            case 0 -> 0.0;
            case 1 -> -0.0;
            default -> signed(2);
        });
    }

    StartSpec start() {
        switch (rng.nextInt(3)) {
            case 0 -> {
                int d = 1 + rng.nextInt(5);
                double[] a = new double[d];
                double[] b = new double[d];
                for (int i = 0; i < d; i++) {
                    a[i] = signed(1);
                    b[i] = signed(1);
                }
                return new StartSpec.Explicit(VectorPoint.of(a, b));
            }
            case 1 -> {
                double scale = 0.05 + rng.nextDouble();
                double scaleB = rng.nextBoolean() ? scale : 0.05 + rng.nextDouble();
                return new StartSpec.Gaussian(1 + rng.nextInt(40), scale, scaleB, rng.nextLong());
            }
            default -> {
                double lambda0 = 0.1 + 5 * rng.nextDouble();
                return new StartSpec.Canonical(lambda0 * (rng.nextDouble() - 0.5), lambda0);
            }
        }
    }

    EtaSpec eta() {
        return switch (rng.nextInt(3)) {
            case 0 -> new EtaSpec.Absolute(0.01 + 1.5 * rng.nextDouble());
            case 1 -> new EtaSpec.Relative(0.05 + 1.5 * rng.nextDouble());
            default -> new EtaSpec.Critical(0.05 + 1.5 * rng.nextDouble());
        };
    }

    RunSpec run() {
        Engine engine = Engine.values()[rng.nextInt(3)];
        boolean decimal = engine != Engine.VECTOR && rng.nextInt(4) == 0;
        Precision precision = decimal ? new Precision(Precision.MIN_DIGITS + rng.nextInt(30)) : Precision.DOUBLE;
        long steps = decimal ? rng.nextInt(200) : rng.nextInt(3000);
        double tol = switch (rng.nextInt(4)) {
            case 0 -> 0.0;
            case 1 -> StopRule.DEFAULT_TOL;
            default -> Math.pow(10, -3 - 10 * rng.nextDouble());
        };
        return new RunSpec(model(), start(), MethodSpec.GD, eta(), new StopRule(steps, tol, rng.nextBoolean()), engine,
                precision);
    }

    /** Exact flows of every form, and a quarter of short, moderately accurate ODE integrations. */
    FlowRunSpec flow() {
        boolean ode = rng.nextInt(4) == 0;
        Double tMax = !ode && rng.nextBoolean() ? null : 0.5 + (ode ? 4 : 20) * rng.nextDouble();
        Double dt = tMax == null || rng.nextBoolean() ? null : tMax / (1 + rng.nextInt(500));
        double tol = Math.pow(10, -4 - 8 * rng.nextDouble());
        return new FlowRunSpec(model(), start(), ode ? "ode" : "exact", tMax, dt, tol, rng.nextBoolean(),
                ode ? Math.pow(10, -6 - 3 * rng.nextDouble()) : 1e-13, ode ? Math.pow(10, -9 - 3 * rng.nextDouble())
                        : 1e-15);
    }
}
