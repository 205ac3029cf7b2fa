/** Measurements on runs: summaries of GD and GF results, and observers that measure along a trajectory. */
package eoslab.measure;

