package eoslab.flow;

import eoslab.model.shallow.ShallowSnapshot;

/**
 * One sampled point of a gradient-flow trajectory.
 *
 * @param time  t
 * @param state the invariants at t
 */
public record FlowSample(double time, ShallowSnapshot state) {
}
