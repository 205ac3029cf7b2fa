/**
 * Diagonal linear networks f(x) = ⟨u⊙u − v⊙v, x⟩ on regression data ({@link eoslab.model.diagonal.DiagonalModel}),
 * generated sparse problems and starts (models.md §4).
 */
package eoslab.model.diagonal;

