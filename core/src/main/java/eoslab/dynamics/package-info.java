/**
 * Dynamics: gradient-descent steppers (exact reduced map and full vectors behind one interface), the run driver with
 * its stop rule and observers, and the gradient-flow solvers (closed form and Hipparchus ODE).
 */
package eoslab.dynamics;

