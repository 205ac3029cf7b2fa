package eoslab.report;

import java.util.List;

/** One block of a report section: a paragraph of statements, a figure, or a table. */
public sealed interface Block permits Block.Paragraph, Block.FigureBlock, Block.Table {
    /**
     * A paragraph: the statements that hold, in order.
     *
     * @param statements the sentences
     */
    record Paragraph(List<Statement> statements) implements Block {
        /** Keeps only the statements whose predicate holds. */
        public Paragraph {
            statements = statements.stream().filter(Statement::holds).toList();
        }
    }

    /**
     * A figure with its caption.
     *
     * @param figure the figure
     */
    record FigureBlock(Figure figure) implements Block {
    }

    /**
     * A table of markup cells.
     *
     * @param header column titles
     * @param rows   rows of cells, one per column
     * @param css    a CSS class per row (for the HTML; empty string for none)
     */
    record Table(List<String> header, List<List<String>> rows, List<String> css) implements Block {
    }
}
