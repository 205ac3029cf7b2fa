/** Writers: all-or-nothing output sets and directories, trajectory CSV, JSON and run manifests. */
package eoslab.io;

