package eoslab.measure;

import eoslab.dynamics.CellClass;
import eoslab.grid.Axis;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The decimal-arithmetic verdict on one phase-map cell next to its double-precision one.
 *
 * @param ix            column
 * @param iy            row
 * @param boundary      whether the cell lies on a boundary between fates
 * @param cls           double-precision class code
 * @param steps         double-precision step
 * @param period        double-precision period
 * @param decimalCls    decimal class code
 * @param decimalSteps  decimal step
 * @param decimalPeriod decimal period
 */
public record CellCheck(int ix, int iy, boolean boundary, int cls, int steps, int period, int decimalCls,
                        int decimalSteps, int decimalPeriod) {
    /** Same class, step and period in both arithmetics. */
    public boolean confirmed() {
        return cls == decimalCls && steps == decimalSteps && period == decimalPeriod;
    }

    /** The check as a table row with the cell's parameters on the map's axes. */
    public Map<String, Object> row(Axis x, Axis y) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ix", ix);
        m.put("iy", iy);
        m.put(x.name(), x.value(ix));
        m.put(y.name(), y.value(iy));
        m.put("boundary", boundary);
        m.put("double", CellClass.of(cls).label());
        m.put("double_steps", steps);
        m.put("double_period", period);
        m.put("decimal", CellClass.of(decimalCls).label());
        m.put("decimal_steps", decimalSteps);
        m.put("decimal_period", decimalPeriod);
        return m;
    }

    /**
     * A certification of a map: the verdicts on all checked cells, in cell order.
     *
     * @param digits        decimal digits used
     * @param sampled       cells drawn at random (beyond the boundary cells)
     * @param boundaryCells boundary cells (all checked)
     * @param checks        the verdicts
     */
    public record Certification(int digits, int sampled, int boundaryCells, List<CellCheck> checks) {
        /** Copies the list. */
        public Certification {
            checks = List.copyOf(checks);
        }

        /** Number of confirmed cells. */
        public long confirmed() {
            return checks.stream().filter(CellCheck::confirmed).count();
        }

        /** Cells whose class differs between the arithmetics. */
        public long classChanged() {
            return checks.stream().filter(c -> c.cls() != c.decimalCls()).count();
        }

        /** The checks that were not confirmed. */
        public List<CellCheck> mismatches() {
            return checks.stream().filter(c -> !c.confirmed()).toList();
        }
    }
}
