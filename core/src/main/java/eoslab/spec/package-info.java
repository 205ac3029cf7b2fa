/**
 * The configuration room: immutable, serializable descriptions of runs as the user gave them ({@link
 * eoslab.spec.RunSpec} and its parts), with a JSON round trip and the command that reruns each.
 */
package eoslab.spec;

