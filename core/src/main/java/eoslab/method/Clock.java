package eoslab.method;

/**
 * The gradient-flow time of iteration k of a method: t_k = f·Σ_{j&lt;k} η_j with the method's clock factor f
 * ({@link Method#clockFactor()}: 1 for gradient descent, 1/(1 − β) for momentum, docs/models.md §2), which is
 * (fη)·k for a constant step (ηk for gradient descent, exactly). Queries in increasing k cost O(1) each (the sum is
 * carried forward); one instance per reader.
 */
public final class Clock {
    private final Schedule schedule;
    private final double factor;
    private final double rate;
    private long at;
    private double sum;

    /** The clock of a method. */
    public Clock(Method method) {
        this.schedule = method.schedule();
        this.factor = method.clockFactor();
        this.rate = schedule.isConstant() ? schedule.nominal() * factor : Double.NaN;
    }

    /** t_k. */
    public double time(long k) {
        if (schedule.isConstant()) {
            return rate * k;
        }
        if (k < at) {
            at = 0;
            sum = 0;
        }
        while (at < k) {
            sum += schedule.eta(at);
            at++;
        }
        return factor * sum;
    }
}
