/**
 * Many GD runs at once: parameter grids ({@link eoslab.sweep.ParameterGrid}), resumable sweeps
 * ({@link eoslab.sweep.SweepRunner}), the structure-of-arrays phase kernel ({@link eoslab.dynamics.shallow.LaneKernel}) with its
 * tiles, classification and period test, phase-map images and {@code .npy} files, certification in decimal
 * arithmetic, bifurcation columns and Lyapunov exponents.
 */
package eoslab.sweep;

import eoslab.dynamics.shallow.LaneKernel;

