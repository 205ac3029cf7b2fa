package eoslab.cli;

/** Bad input: reported as one line {@code error: message} on stderr with exit code 2. */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An error with the given one-line message. */
    public UsageException(String message) {
        super(message);
    }
}
