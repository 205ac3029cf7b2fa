/** High-precision GD: the reduced recursion in N-digit decimal arithmetic, selectable as a {@link eoslab.precision.Precision}. */
package eoslab.precision;
