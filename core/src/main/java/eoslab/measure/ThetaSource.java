package eoslab.measure;

/** Where an observer reads the live parameters θ of a run (for example {@code stepper::theta}). */
@FunctionalInterface
public interface ThetaSource {
    /**
     * Writes the current θ into {@code out}.
     *
     * @param out length dim θ (modified)
     */
    void theta(double[] out);
}
