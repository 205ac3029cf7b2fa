package eoslab.theory;

import eoslab.model.shallow.Landmarks;
import eoslab.model.shallow.VectorPoint;
import eoslab.spec.StartSpec;

/**
 * One initialization of a check grid: target Φ and the initial weights, with the landmarks they fix.
 *
 * @param phi  the target Φ
 * @param init the initialization (its provenance makes every case rerunnable)
 */
public record GridPoint(double phi, StartSpec init) {

    /** The initial point. */
    public VectorPoint point() {
        return init.point();
    }

    /** The landmarks of this start. */
    public Landmarks landmarks() {
        return Landmarks.of(phi, point().imbalance());
    }

    /** The {@code eoslab} options that recreate Φ and the initialization. */
    public String options() {
        StringBuilder sb = new StringBuilder("--phi ").append(phi);
        if (init instanceof StartSpec.Canonical c) {
            sb.append(" --m0 ").append(c.m0()).append(" --lambda0 ").append(c.lambda0());
        } else if (init instanceof StartSpec.Gaussian g) {
            sb.append(" --width ").append(g.width()).append(" --scale ").append(g.scale());
            if (g.scaleB() != g.scale()) {
                sb.append(" --scale-b ").append(g.scaleB());
            }
            sb.append(" --seed ").append(g.seed());
        } else {
            VectorPoint p = point();
            sb.append(" --a ").append(join(p.a())).append(" --b ").append(join(p.b()));
        }
        return sb.toString();
    }

    private static String join(double[] v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ",").append(v[i]);
        }
        return sb.toString();
    }
}
