/**
 * Exact facts about the step-size landscape of the shallow model ½(aᵀb − Φ)² (models.md §1): the convergence
 * boundary η*, the balanced cubic map and its period-doubling cascade, critical slowing at η|Φ| = 1, and the
 * monotonicity of the GF-solution sharpness along GD. Pure functions of scalars; no I/O.
 */
package eoslab.landscape;

