/** Dense kernels on matrices held as arrays of rows, in the loop shapes HotSpot's C2 compiler vectorizes. */
package eoslab.linalg;
