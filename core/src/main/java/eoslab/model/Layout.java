package eoslab.model;

import java.util.ArrayList;
import java.util.List;

/**
 * How a flat parameter vector θ splits into named blocks, each a matrix stored row-major (a vector is a matrix with
 * one column). Immutable.
 *
 * @param blocks the blocks, in the order they are stored in θ
 */
public record Layout(List<Block> blocks) {

    /**
     * One named block of θ: rows × cols entries starting at {@code offset}, row-major.
     *
     * @param name   the block's name ({@code a}, {@code W1}, {@code u}, …)
     * @param rows   number of rows
     * @param cols   number of columns (1 for a vector)
     * @param offset index of the block's first entry in θ
     */
    public record Block(String name, int rows, int cols, int offset) {
        /** Validates the sizes. */
        public Block {
            if (rows < 1 || cols < 1 || offset < 0) {
                throw new IllegalArgumentException("bad block " + name + ": " + rows + "×" + cols + " at " + offset);
            }
        }

        /** Number of entries. */
        public int size() {
            return rows * cols;
        }

        /** ‖block‖², the squared Frobenius norm of this block of θ (θ not modified). */
        public double normSquared(double[] theta) {
            double s = 0;
            for (int i = offset; i < offset + size(); i++) {
                s += theta[i] * theta[i];
            }
            return s;
        }
    }

    /** Copies the list and checks that the blocks are contiguous from 0. */
    public Layout {
        blocks = List.copyOf(blocks);
        int next = 0;
        for (Block b : blocks) {
            if (b.offset() != next) {
                throw new IllegalArgumentException("block " + b.name() + " does not start at " + next);
            }
            next += b.size();
        }
    }

    /** A layout from (name, rows, cols) triples laid out one after the other. */
    public static Layout of(Object... nameRowsCols) {
        if (nameRowsCols.length % 3 != 0) {
            throw new IllegalArgumentException("expected (name, rows, cols) triples");
        }
        List<Block> list = new ArrayList<>();
        int offset = 0;
        for (int i = 0; i < nameRowsCols.length; i += 3) {
            Block b = new Block((String) nameRowsCols[i], (Integer) nameRowsCols[i + 1], (Integer) nameRowsCols[i + 2],
                    offset);
            list.add(b);
            offset += b.size();
        }
        return new Layout(list);
    }

    /** The total number of entries n. */
    public int dimension() {
        int n = 0;
        for (Block b : blocks) {
            n += b.size();
        }
        return n;
    }

    /** The block with the given name. */
    public Block block(String name) {
        for (Block b : blocks) {
            if (b.name().equals(name)) {
                return b;
            }
        }
        throw new IllegalArgumentException("no block " + name);
    }
}
