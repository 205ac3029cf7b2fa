/**
 * The model L(a,b) = ½(aᵀb − Φ)²: problems, immutable points, initializations and the closed forms of
 * docs/model.md (quantities, sharpness, the gradient-flow solution's sharpness).
 */
package eoslab.model;

