/**
 * Deep linear networks f(x) = W_D ⋯ W_1 x on data or a target matrix ({@link eoslab.model.linear.DeepLinearModel}),
 * the reduced data ({@link eoslab.model.linear.Moments}), starts and generated targets
 * ({@link eoslab.model.linear.LinearStarts}) and the scalar chain with its gradient-flow limit in closed form
 * ({@link eoslab.model.linear.ScalarChain}); models.md §3.
 */
package eoslab.model.linear;

