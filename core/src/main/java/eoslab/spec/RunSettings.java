package eoslab.spec;

import eoslab.dynamics.Engine;
import eoslab.dynamics.Precision;
import eoslab.dynamics.StopRule;
import eoslab.dynamics.shallow.Engines;

/**
 * How a run is carried out, apart from what it trains and where it starts: the method, the stopping rule, the engine
 * and the arithmetic. A grid's points share one.
 *
 * @param method    the method and schedule
 * @param stop      step budget and tolerance
 * @param engine    requested engine
 * @param precision arithmetic
 */
public record RunSettings(MethodSpec method, StopRule stop, Engine engine, Precision precision) {
    /** Checks that the engine can run the arithmetic. */
    public RunSettings {
        Engines.validate(engine, precision);
    }

    /** Gradient descent with the given stop rule, the automatic engine and double precision. */
    public static RunSettings gd(StopRule stop) {
        return new RunSettings(MethodSpec.GD, stop, Engine.AUTO, Precision.DOUBLE);
    }

    /** The run of these settings with the given model, start and step. */
    public RunSpec run(ModelSpec model, StartSpec start, EtaSpec eta) {
        return new RunSpec(model, start, method, eta, stop, engine, precision);
    }
}
