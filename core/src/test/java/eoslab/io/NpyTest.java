package eoslab.io;

import eoslab.EoslabTest;
import eoslab.dynamics.CellClass;
import eoslab.measure.PhaseMap;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import static org.assertj.core.api.Assertions.assertThat;

class NpyTest extends EoslabTest {

    @ParameterizedTest
    @CsvSource({"1,1", "3,5", "2048,2048", "4096,17"})
    void headerIsValidVersionOne(int ny, int nx) {
        byte[] h = Npy.header("'<i4'", ny, nx);
        assertThat(Arrays.copyOfRange(h, 0, 6)).isEqualTo(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'});
        assertThat(h[6]).isEqualTo((byte) 1);
        assertThat(h[7]).isEqualTo((byte) 0);
        int len = ByteBuffer.wrap(h, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFF;
        assertThat(h.length).isEqualTo(10 + len);
        assertThat(h.length % 64).isZero();
        String dict = new String(h, 10, len, StandardCharsets.US_ASCII);
        assertThat(dict).endsWith("\n");
        assertThat(dict.strip()).isEqualTo("{'descr': '<i4', 'fortran_order': False, 'shape': (" + ny + ", " + nx
                + "), }");
        assertThat(Npy.header("'<f8'", 7)).satisfies(b -> assertThat(new String(b, StandardCharsets.US_ASCII))
                .contains("'shape': (7,), }"));
    }

    @Test
    void phaseMapRecordsArePackedInCOrder() {
        PhaseMap m = PhaseMap.empty(3, 2);
        m.cls()[4] = (byte) CellClass.PERIODIC.ordinal();
        m.period()[4] = 6;
        m.steps()[4] = 0x01020304;
        m.sharpness()[4] = 2.5;
        m.maxLoss()[4] = -0.0;
        byte[] b = Npy.phaseMap(m);
        int head = b.length - 6 * 22;
        assertThat(head % 64).isZero();
        assertThat(new String(b, 0, head, StandardCharsets.US_ASCII))
                .contains("'descr': [('outcome', '|u1'), ('period', '|u1'), ('steps', '<i4'), ('sharpness', '<f8'), "
                        + "('max_loss', '<f8')]")
                .contains("'shape': (2, 3)");
        int r = head + 4 * 22;
        assertThat(Arrays.copyOfRange(b, r, r + 6)).isEqualTo(new byte[] {2, 6, 4, 3, 2, 1});
        ByteBuffer values = ByteBuffer.wrap(b, r + 6, 16).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(values.getDouble()).isEqualTo(2.5);
        assertThat(Double.doubleToRawLongBits(values.getDouble())).isEqualTo(Double.doubleToRawLongBits(-0.0));
    }
}
