package eoslab.service;

import eoslab.dynamics.RunResult;
import eoslab.model.shallow.ShallowState;
import java.util.Map;

/**
 * A finished run: what ran, how it ended, and its summary (the map {@code run --json} prints).
 *
 * @param run     the resolved run
 * @param result  the run's end
 * @param summary the summary, insertion-ordered
 */
public record RunReport(ResolvedRun run, RunResult<ShallowState> result, Map<String, Object> summary) {
}
