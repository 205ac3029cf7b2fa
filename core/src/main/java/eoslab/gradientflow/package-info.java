/**
 * Gradient flow θ̇ = −∇L(θ) for any {@link eoslab.model.Model}: Hipparchus' Dormand–Prince 8(5,3) through
 * {@link eoslab.gradientflow.GradientFlowOde}, a convergence event L − L* ≤ τ²/2, samples from the dense output, the
 * drift of the model's conserved quantities, and the GF-solution sharpness
 * ({@link eoslab.gradientflow.GradientFlow#gfsSharpness}).
 */
package eoslab.gradientflow;

