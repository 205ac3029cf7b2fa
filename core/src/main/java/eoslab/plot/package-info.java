/**
 * Publication charts: an immutable {@link eoslab.plot.Chart} description rendered headless to PNG (XChart) and to SVG
 * (our own writer, text as real {@code <text>} elements), with a palette that survives greyscale printing.
 */
package eoslab.plot;

