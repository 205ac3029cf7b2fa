/**
 * The top eigenvalues of a model's Hessian ∇²L(θ) with explicit error bars: the matrix-free operator
 * ({@link eoslab.sharpness.HessianOperator}), implicitly restarted Lanczos through ARPACK with a warm start along
 * trajectories ({@link eoslab.sharpness.LanczosSharpness}), and the dense reference
 * ({@link eoslab.sharpness.DenseSharpness}), both behind {@link eoslab.sharpness.SharpnessEstimator} and returning a
 * {@link eoslab.sharpness.Sharpness}.
 */
package eoslab.sharpness;

