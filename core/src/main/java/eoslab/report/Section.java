package eoslab.report;

/**
 * One section of the report: it runs what it needs through the services and returns its paragraphs and figures,
 * every sentence a {@link Statement} built from the numbers it describes. To add a section, write a class that
 * implements this and add one line to {@link Report#SECTIONS}.
 */
public interface Section {
    /** Computes the section; shared computations (the main η sweep) come from the context. */
    Part build(ReportContext context);
}
