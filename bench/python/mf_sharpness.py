#!/usr/bin/env python3
"""Matrix factorization with the sharpness tracked at every GD step, in NumPy/SciPy: the reference for
eoslab.bench.FactorizationTrackingBenchmark (same problem, same formulas, same Lanczos settings).

Problem: L(W1, W2) = 1/2 ||W2 W1 - Phi||_F^2 with Phi 100x100 of rank 10 and inner width 10 (2000 parameters),
    Phi[i][k] = sum_j sin(0.3 (i+1)(j+1) + 0.5 j) cos(0.17 (k+1)(j+2) - 1.1 j) / 10,   j = 0..9,
    theta0[t] = 0.1 sin(1.61803 (t+1)),  t = 0..1999  (W1 row-major 10x100, then W2 row-major 100x10),
and STEPS steps of GD with step ETA. Before every step the top Hessian eigenvalue is computed by
scipy.sparse.linalg.eigsh (ARPACK's implicitly restarted Lanczos) on a LinearOperator whose matvec is the analytic
Hessian-vector product of docs/models.md section 3, with k=1, which='LA', tol=1e-10, ncv=20 (eoslab's settings),
warm-started from the previous eigenvector (v0). The product is chosen as eoslab's FactorizationKernel chooses it:
--hvp auto (the default) is 'factored' when the target's numerical rank r (NumPy's matrix_rank) has (p+q)r < pq/2,
as here, else 'regrouped'. 'factored' keeps Phi = L R from its SVD and never forms G:
(Hv)1 = (Y + Y^T) W1 - (V2^T L) R + S2 V1, (Hv)2 = W2 (X + X^T) - L (V1 R^T)^T + V2 S1 with Y = W2^T V2,
X = V1 W1^T; 'regrouped' is V2^T G + Y W1 + S2 V1 and G V1^T + V2 S1 + W2 X with S1 = W1 W1^T, S2 = W2^T W2 formed
once per step; 'general' is the textbook form through W-dot = V2 W1 + W2 V1.

Usage: OPENBLAS_NUM_THREADS=1 python3 mf_sharpness.py [--steps 200] [--eta 0.1] [--reps 5]
       [--hvp auto|factored|regrouped|general] [--write DIR]
--write DIR also writes DIR/target.csv and DIR/theta0.json, the same problem for `eoslab run --target ... --theta ...`.
Prints the best of --reps repetitions: ms per step, matvecs per step, the final sharpness and loss, and the load
average.
"""
import argparse
import json
import os
import time

import numpy as np
from scipy.sparse.linalg import LinearOperator, eigsh

P = Q = 100
H = 10


def problem():
    i = np.arange(P)[:, None]
    j = np.arange(H)[None, :]
    a = np.sin(0.3 * (i + 1) * (j + 1) + 0.5 * j)
    b = np.cos(0.17 * (np.arange(Q)[:, None] + 1) * (j + 2) - 1.1 * j)
    phi = a @ b.T / 10
    theta0 = 0.1 * np.sin(1.61803 * (np.arange(H * P + Q * H) + 1))
    return phi, theta0


def factors(phi):
    """(L, R) with phi = L R at the numerical rank, or None when the factored product would not be cheaper."""
    u, sigma, vt = np.linalg.svd(phi)
    r = int(np.sum(sigma > sigma[0] * max(phi.shape) * np.finfo(float).eps)) if sigma.size else 0
    if 2 * (phi.shape[0] + phi.shape[1]) * r >= phi.size:
        return None
    return u[:, :r] * sigma[:r], vt[:r]


def run(phi, theta0, steps, eta, kind="auto"):
    w1 = theta0[:H * P].reshape(H, P).copy()
    w2 = theta0[H * P:].reshape(Q, H).copy()
    n = theta0.size
    v0 = None
    matvecs = 0
    value = None
    lr = factors(phi) if kind in ("auto", "factored") else None
    if kind == "factored" and lr is None:
        raise SystemExit("error: the target is not of low enough rank for --hvp factored")
    if kind == "auto":
        kind = "regrouped" if lr is None else "factored"
    lf, rf = lr if lr is not None else (None, None)
    for _ in range(steps):
        g = w2 @ w1 - phi
        s1 = w1 @ w1.T
        s2 = w2.T @ w2
        count = [0]

        def general(x, w1=w1, w2=w2, g=g, count=count):
            count[0] += 1
            x = np.asarray(x).ravel()
            v1 = x[:H * P].reshape(H, P)
            v2 = x[H * P:].reshape(Q, H)
            wdot = v2 @ w1 + w2 @ v1
            return np.concatenate(((v2.T @ g + w2.T @ wdot).ravel(), (wdot @ w1.T + g @ v1.T).ravel()))

        def regrouped_hvp(x, w1=w1, w2=w2, g=g, s1=s1, s2=s2, count=count):
            count[0] += 1
            x = np.asarray(x).ravel()
            v1 = x[:H * P].reshape(H, P)
            v2 = x[H * P:].reshape(Q, H)
            y = w2.T @ v2
            xt = w1 @ v1.T
            return np.concatenate(((v2.T @ g + y @ w1 + s2 @ v1).ravel(),
                                   (g @ v1.T + v2 @ s1 + w2 @ xt.T).ravel()))

        def factored(x, w1=w1, w2=w2, s1=s1, s2=s2, count=count):
            count[0] += 1
            x = np.asarray(x).ravel()
            v1 = x[:H * P].reshape(H, P)
            v2 = x[H * P:].reshape(Q, H)
            y = w2.T @ v2
            xm = v1 @ w1.T
            return np.concatenate((((y + y.T) @ w1 - (v2.T @ lf) @ rf + s2 @ v1).ravel(),
                                   (w2 @ (xm + xm.T) - lf @ (v1 @ rf.T).T + v2 @ s1).ravel()))

        hvp = {"general": general, "regrouped": regrouped_hvp, "factored": factored}[kind]

        op = LinearOperator((n, n), matvec=hvp, dtype=float)
        vals, vecs = eigsh(op, k=1, which='LA', v0=v0, tol=1e-10, ncv=20)
        v0 = vecs[:, 0]
        value = vals[0]
        matvecs += count[0]
        w1, w2 = w1 - eta * (w2.T @ g), w2 - eta * (g @ w1.T)
    loss = 0.5 * np.sum((w2 @ w1 - phi) ** 2)
    return matvecs, value, loss


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--steps", type=int, default=200)
    ap.add_argument("--eta", type=float, default=0.1)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--hvp", choices=["auto", "factored", "regrouped", "general"], default="auto")
    ap.add_argument("--write", metavar="DIR")
    args = ap.parse_args()
    phi, theta0 = problem()
    if args.write:
        os.makedirs(args.write, exist_ok=True)
        np.savetxt(os.path.join(args.write, "target.csv"), phi, delimiter=",", fmt="%.17g")
        with open(os.path.join(args.write, "theta0.json"), "w") as f:
            json.dump({"W1": theta0[:H * P].reshape(H, P).tolist(), "W2": theta0[H * P:].reshape(Q, H).tolist()}, f)
    best = None
    for _ in range(args.reps):
        t = time.perf_counter()
        matvecs, value, loss = run(phi, theta0, args.steps, args.eta, args.hvp)
        elapsed = time.perf_counter() - t
        best = elapsed if best is None else min(best, elapsed)
    print(json.dumps({"ms_per_step": 1e3 * best / args.steps, "matvecs_per_step": matvecs / args.steps,
                      "sharpness": float(value), "loss": float(loss), "steps": args.steps, "eta": args.eta, "hvp": args.hvp,
                      "openblas_threads": os.environ.get("OPENBLAS_NUM_THREADS"),
                      "numpy": np.__version__, "load_average": os.getloadavg()[0]}))


if __name__ == "__main__":
    main()
