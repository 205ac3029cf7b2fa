/**
 * The reproduction report ({@code eoslab reproduce}): the data behind figures F1–F7 computed from the exact engines,
 * the charts, and the self-contained HTML, the Markdown, the CSVs and the manifest that carry them.
 */
package eoslab.report;

