package eoslab.dynamics;

/**
 * An immutable copy of an {@link Iterate}.
 *
 * @param phi       Φ
 * @param product   m
 * @param norm      λ
 * @param imbalance Q
 * @param residual  ε
 */
public record Snapshot(double phi, double product, double norm, double imbalance, double residual)
        implements Iterate {

    /** Copies the current values of a (possibly live) view. */
    public static Snapshot of(Iterate it) {
        return new Snapshot(it.phi(), it.product(), it.norm(), it.imbalance(), it.residual());
    }
}
