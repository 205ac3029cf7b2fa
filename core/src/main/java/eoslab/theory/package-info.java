/** The theory's landmarks (docs/model.md §6–§7): step-size regimes and what GD and GF must do in each. */
package eoslab.theory;

