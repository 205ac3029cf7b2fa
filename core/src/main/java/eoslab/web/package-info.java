/**
 * The explorer and its JSON API: {@link eoslab.web.Api} answers requests (run, flow, compare, sweep, phase tiles,
 * check, figures, schema) from specifications or command options, within {@link eoslab.web.Limits};
 * {@link eoslab.web.WebServer} serves it and the page over HTTP on the loopback interface. Same floor as the CLI:
 * it uses everything below and nothing imports it but the {@code serve} and {@code batch} commands.
 */
package eoslab.web;

