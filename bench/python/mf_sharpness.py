#!/usr/bin/env python3
"""Matrix factorization with the sharpness tracked at every GD step, in NumPy/SciPy: the reference for
eoslab.bench.FactorizationTrackingBenchmark (same problem, same formulas, same Lanczos settings).

Problem: L(W1, W2) = 1/2 ||W2 W1 - Phi||_F^2 with Phi 100x100 of rank 10 and inner width 10 (2000 parameters),
    Phi[i][k] = sum_j sin(0.3 (i+1)(j+1) + 0.5 j) cos(0.17 (k+1)(j+2) - 1.1 j) / 10,   j = 0..9,
    theta0[t] = 0.1 sin(1.61803 (t+1)),  t = 0..1999  (W1 row-major 10x100, then W2 row-major 100x10),
and STEPS steps of GD with step ETA. Before every step the top Hessian eigenvalue is computed by
scipy.sparse.linalg.eigsh (ARPACK's implicitly restarted Lanczos) on a LinearOperator whose matvec is the analytic
Hessian-vector product of docs/models.md section 3, with k=1, which='LA', tol=1e-10, ncv=20 (eoslab's settings),
warm-started from the previous eigenvector (v0).

Usage: OPENBLAS_NUM_THREADS=1 python3 mf_sharpness.py [--steps 200] [--eta 0.1] [--reps 5] [--write DIR]
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


def run(phi, theta0, steps, eta):
    w1 = theta0[:H * P].reshape(H, P).copy()
    w2 = theta0[H * P:].reshape(Q, H).copy()
    n = theta0.size
    v0 = None
    matvecs = 0
    value = None
    for _ in range(steps):
        g = w2 @ w1 - phi
        count = [0]

        def hvp(x, w1=w1, w2=w2, g=g, count=count):
            count[0] += 1
            x = np.asarray(x).ravel()
            v1 = x[:H * P].reshape(H, P)
            v2 = x[H * P:].reshape(Q, H)
            wdot = v2 @ w1 + w2 @ v1
            return np.concatenate(((v2.T @ g + w2.T @ wdot).ravel(), (wdot @ w1.T + g @ v1.T).ravel()))

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
        matvecs, value, loss = run(phi, theta0, args.steps, args.eta)
        elapsed = time.perf_counter() - t
        best = elapsed if best is None else min(best, elapsed)
    print(json.dumps({"ms_per_step": 1e3 * best / args.steps, "matvecs_per_step": matvecs / args.steps,
                      "sharpness": float(value), "loss": float(loss), "steps": args.steps, "eta": args.eta,
                      "openblas_threads": os.environ.get("OPENBLAS_NUM_THREADS"),
                      "numpy": np.__version__, "load_average": os.getloadavg()[0]}))


if __name__ == "__main__":
    main()
