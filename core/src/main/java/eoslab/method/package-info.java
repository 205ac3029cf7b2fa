/**
 * Optimization methods and step-size schedules as values: how an iterate moves for any model, and the stability
 * edge each method implies (docs/models.md §2).
 */
package eoslab.method;

