/**
 * Parameter grids shared by every command that runs many cases ({@code check}, {@code sweep}, {@code phase},
 * {@code bifurcation}, {@code reproduce}): one range syntax, one formula for the values, so that the same range text
 * gives the same numbers, bit for bit, everywhere.
 */
package eoslab.grid;

