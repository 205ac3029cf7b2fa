package eoslab.model.shallow;

/**
 * An immutable {@link ShallowState}.
 *
 * @param phi       Φ
 * @param product   m
 * @param norm      λ
 * @param imbalance Q
 * @param residual  ε
 */
public record ShallowSnapshot(double phi, double product, double norm, double imbalance, double residual)
        implements ShallowState {

    /** Copies the current values of a (possibly live) view. */
    public static ShallowSnapshot of(ShallowState s) {
        return new ShallowSnapshot(s.phi(), s.product(), s.norm(), s.imbalance(), s.residual());
    }
}
