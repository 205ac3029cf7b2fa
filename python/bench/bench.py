"""Measures the README's Python and API figures: N eoslab.run calls against N CLI invocations of the same runs, and
phase tiles per second for a 256×256 map requested as the page does (batches of 32 tiles, 2 at a time).

    python3 python/bench/bench.py [--calls 500] [--skip-cli]

Prints one JSON object, with the load average before and after (the machine may be shared).
"""
import argparse
import json
import os
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import eoslab  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--calls", type=int, default=500)
    ap.add_argument("--skip-cli", action="store_true")
    a = ap.parse_args()
    jar = eoslab.find_jar()
    report = {"load_before": os.getloadavg()}
    steps = [0.5 + i / a.calls for i in range(a.calls)]

    t0 = time.perf_counter()
    client = eoslab.connect()
    report["server_start_s"] = time.perf_counter() - t0
    eoslab.run(m0=0.1, lambda0=5, eta_rel=1.0)
    t0 = time.perf_counter()
    py = [eoslab.run(m0=0.1, lambda0=5, eta_rel=c) for c in steps]
    report["python_calls"] = a.calls
    report["python_s"] = time.perf_counter() - t0
    report["python_ms_per_call"] = 1000 * report["python_s"] / a.calls

    # phase tiles: the page's default view at 256², 10⁴ steps per cell
    options = {"eta-rel": "0.2:2.5:256", "phi": 1, "m0": 0.1, "lambda0": "0.5:10:256", "steps": 10000}
    for _ in range(2):      # the first pass warms the JIT
        nxt = [0]
        lock = threading.Lock()
        clients = [eoslab.Client(url=client.url) for _ in range(2)]

        def worker(c):
            while True:
                with lock:
                    first = nxt[0]
                    nxt[0] += 32
                if first >= 256:
                    return
                c.request("phase", {"options": options, "tiles": [first, 32]})
        t0 = time.perf_counter()
        threads = [threading.Thread(target=worker, args=(c,)) for c in clients]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        seconds = time.perf_counter() - t0
        for c in clients:
            c.close()
    report["phase_256_map_s"] = seconds
    report["phase_tiles_per_s"] = 256 / seconds
    report["phase_cells_per_s"] = 65536 / seconds

    if not a.skip_cli:
        t0 = time.perf_counter()
        for c, expected in zip(steps, py):
            out = subprocess.run(["java", "-Xss8m", "-Djava.awt.headless=true", "-jar", jar, "run", "--m0", "0.1",
                                  "--lambda0", "5", "--eta-rel", repr(c), "--json"], capture_output=True, text=True,
                                 check=True).stdout
            if json.loads(out) != expected:
                raise AssertionError(f"CLI and Python differ at eta_rel={c}")
        report["cli_calls"] = a.calls
        report["cli_s"] = time.perf_counter() - t0
        report["cli_ms_per_call"] = 1000 * report["cli_s"] / a.calls
        report["speedup"] = report["cli_s"] / report["python_s"]
    report["load_after"] = os.getloadavg()
    eoslab.close()
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
