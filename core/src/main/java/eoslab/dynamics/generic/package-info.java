/** The general engine: any method on any model, on the flat parameter vector. */
package eoslab.dynamics.generic;

