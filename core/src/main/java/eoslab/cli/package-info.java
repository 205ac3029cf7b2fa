/** The command-line tool: picocli commands that turn options into configurations and hand them to the engines. */
package eoslab.cli;

