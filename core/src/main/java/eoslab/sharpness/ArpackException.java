package eoslab.sharpness;

/** ARPACK stopped with an error code; the message says what the code means. */
public final class ArpackException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String routine;
    private final int info;

    ArpackException(String routine, int info, String detail) {
        super(routine + " failed with info = " + info + ": " + describe(routine, info) + detail);
        this.routine = routine;
        this.info = info;
    }

    /** The ARPACK routine that failed ({@code dsaupd} or {@code dseupd}). */
    public String routine() {
        return routine;
    }

    /** ARPACK's INFO code. */
    public int info() {
        return info;
    }

    /** The meaning of an INFO code of dsaupd or dseupd, from ARPACK's documentation. */
    static String describe(String routine, int info) {
        boolean eupd = routine.equals("dseupd");
        return switch (info) {
            case 1 -> "the maximum number of restart iterations was reached before all eigenvalues converged";
            case 3 -> "no shifts could be applied during a cycle of the implicitly restarted Lanczos iteration "
                    + "(increase ncv relative to k)";
            case -1 -> "n must be positive";
            case -2 -> "the number of eigenvalues k must be positive";
            case -3 -> "ncv must satisfy k < ncv ≤ n";
            case -4 -> "the maximum number of iterations must be positive";
            case -5 -> "'which' must be one of LM, SM, LA, SA, BE";
            case -6 -> "'bmat' must be I or G";
            case -7 -> "the work array workl is too small";
            case -8 -> eupd ? "error from LAPACK dsteqr (tridiagonal eigenvalue calculation)"
                    : "error from the tridiagonal eigenvalue calculation (dstqrb)";
            case -9 -> "the starting vector is zero";
            case -10 -> "iparam(7) (mode) must be 1 to 5";
            case -11 -> "mode 1 is incompatible with bmat = G";
            case -12 -> eupd ? "nev and which = BE are incompatible" : "iparam(1) (ishift) must be 0 or 1";
            case -13 -> "nev and which = BE are incompatible";
            case -14 -> "dsaupd did not find any eigenvalue to sufficient accuracy";
            case -15 -> "howmny must be A or S when vectors are requested";
            case -16 -> "howmny = S is not implemented";
            case -17 -> "dseupd found a different number of converged Ritz values than dsaupd";
            case -9999 -> "could not build a Lanczos factorization (the operator may be zero or not symmetric)";
            default -> "undocumented code";
        };
    }
}
