/** Writers: atomic result files, trajectory CSV, JSON and run manifests. */
package eoslab.io;

