"""eoslab from Python: exact gradient descent against gradient flow, through a local eoslab server.

Each function takes the command's long option names with ``-`` written ``_`` and returns what the command prints
with ``--json`` (run, flow, compare, check) or the columns of the file it writes (sweep, phase, table)::

    import eoslab
    eoslab.run(m0=0.1, lambda0=5, eta_rel=1.3)["sharpness"]
    eoslab.sweep(eta="0.05:1.9:40", m0="0:0.4:3", lambda0="1:6:10")    # a pandas DataFrame (or dict of arrays)
    eoslab.phase(eta="0.2:1.6:256", lambda0="0.5:8:256")["outcome"]      # (ny, nx) uint8
    eoslab.run(model="linear", depth=3, widths=[4, 4], target_spectrum=[3, 1], target_size="3x3",
               scale=0.3, eta=0.05)                                      # a deep linear network (run, flow, compare)

Lists are for comma-separated options (``check(m0=[0.1, 0.5], ...)``), True for flags. Bad input raises ValueError
with the CLI's message. The first call starts a server from the jar (``$EOSLAB_JAR`` or ``core/target/eoslab.jar``
of the checkout) that stops with the interpreter; ``connect(url)`` (or ``$EOSLAB_URL``) uses a running one.
"""
import csv
import io
import os
import threading

import numpy as np

from ._client import Client, EoslabError, find_jar

__version__ = "0.1.0"
__all__ = ["run", "flow", "compare", "sweep", "phase", "check", "table", "connect", "close", "Client",
           "EoslabError", "find_jar"]

_default = None
_lock = threading.Lock()


def connect(url=None, jar=None, java=None):
    """Uses the server at ``url`` (e.g. ``http://127.0.0.1:8765/``), or starts one from ``jar``, for the functions
    of this module; returns the client."""
    global _default
    with _lock:
        if _default is not None:
            _default.close()
        _default = Client(url=url, jar=jar, java=java)
        return _default


def close():
    """Closes the connection (and stops the server this module started)."""
    global _default
    with _lock:
        if _default is not None:
            _default.close()
            _default = None


def _client():
    global _default
    with _lock:
        if _default is None:
            _default = Client(url=os.environ.get("EOSLAB_URL") or None)
        return _default


def _call(endpoint, options, **extra):
    body = {"options": options}
    body.update(extra)
    return _client().request(endpoint, body, raw=extra.get("format") == "csv")


def run(**options):
    """Gradient descent: what ``eoslab run --json`` prints, as a dict."""
    return _call("run", options)["summary"]


def flow(**options):
    """Gradient flow: what ``eoslab flow --json`` prints."""
    return _call("flow", options)["summary"]


def compare(**options):
    """GD against GF on one clock: what ``eoslab compare --json`` prints."""
    return _call("compare", options)["summary"]


def check(**options):
    """The claims' verdicts: what ``eoslab check --json`` prints."""
    return _call("check", options)


def table(command, **options):
    """The trajectory that ``eoslab COMMAND --out FILE.csv`` writes (command: run, compare or flow), as columns."""
    if command not in ("run", "compare", "flow"):
        raise ValueError(f"table: command must be run, compare or flow, got {command!r}")
    return _columns(_call(command, options, format="csv"))


def sweep(**options):
    """A sweep: the columns of the file ``eoslab sweep --out FILE.csv`` writes (a pandas DataFrame when pandas is
    installed, else a dict of numpy arrays)."""
    return _columns(_call("sweep", options, format="csv"))


def phase(**options):
    """A phase map: a dict with the coordinates ``x``, ``y`` (their names ``x_name``, ``y_name``) and the arrays of
    ``eoslab phase``'s .npy file, each of shape (ny, nx) with row 0 the smallest y: ``outcome`` (uint8 codes of
    ``classes``), ``period`` (uint8) and ``steps`` (int32); ``counts`` per class and the ``command``."""
    m = _call("phase", options)
    shape = (m["ny"], m["nx"])
    return {
        "x": np.asarray(m["x"]["values"], dtype=np.float64), "x_name": m["x"]["name"],
        "y": np.asarray(m["y"]["values"], dtype=np.float64), "y_name": m["y"]["name"],
        "outcome": np.asarray(m["outcome"], dtype=np.uint8).reshape(shape),
        "period": np.asarray(m["period"], dtype=np.uint8).reshape(shape),
        "steps": np.asarray(m["steps"], dtype=np.int32).reshape(shape),
        "classes": m["classes"], "counts": m["counts"], "command": m["command"],
    }


def _columns(text):
    try:
        import pandas
    except ImportError:
        pandas = None
    if pandas is not None:
        # round_trip: the exact doubles the file holds (pandas' default parser can be off by an ulp)
        return pandas.read_csv(io.StringIO(text), float_precision="round_trip")
    rows = list(csv.reader(io.StringIO(text)))
    header, body = rows[0], rows[1:]
    return {name: _array([r[i] for r in body]) for i, name in enumerate(header)}


def _array(cells):
    """A column as pandas.read_csv would type it: int64, float64 (empty cells NaN), else strings."""
    def number(c):
        try:
            float(c)
            return True
        except ValueError:
            return False
    if cells and all(c != "" and number(c) and c.lstrip("+-").isdigit() for c in cells):
        return np.asarray([int(c) for c in cells], dtype=np.int64)
    if all(c == "" or number(c) for c in cells):
        return np.asarray([float(c) if c != "" else np.nan for c in cells], dtype=np.float64)
    return np.asarray(cells, dtype=object)
