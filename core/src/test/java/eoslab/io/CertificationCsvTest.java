package eoslab.io;

import eoslab.EoslabTest;
import eoslab.grid.Axis;
import eoslab.measure.CellCheck;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link CertificationCsv}: the columns of {@link CellCheck#row} and whether each cell was confirmed. */
class CertificationCsvTest extends EoslabTest {
    private static final Axis X = new Axis("eta", 0.5, 1.5, 3, false);
    private static final Axis Y = new Axis("m0", -1, 1, 5, false);

    @Test
    void writesOneRowPerCheckedCell() {
        CellCheck.Certification c = new CellCheck.Certification(40, 1, 1, List.of(
                new CellCheck(2, 4, true, 0, 120, 0, 0, 121, 0),
                new CellCheck(0, 1, false, 2, 10000, 2, 2, 10000, 2)));
        StringBuilder out = new StringBuilder();
        CertificationCsv.write(out, c, X, Y);
        assertThat(out.toString()).isEqualTo("""
                ix,iy,eta,m0,boundary,double,double_steps,double_period,decimal,decimal_steps,decimal_period,confirmed
                2,4,1.5,1.0,true,converged,120,0,converged,121,0,false
                0,1,0.5,-0.5,false,periodic,10000,2,periodic,10000,2,true
                """);
    }

    @Test
    void anEmptyCertificationHasAHeaderOnly() {
        StringBuilder out = new StringBuilder();
        CertificationCsv.write(out, new CellCheck.Certification(40, 0, 0, List.of()), X, Y);
        assertThat(out.toString()).isEqualTo("ix,iy,confirmed\n");
    }
}
