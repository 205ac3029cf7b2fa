"""The connection to an eoslab server: one started from the jar (and stopped with the interpreter), or a running one."""
import atexit
import http.client
import json
import os
import subprocess
import tempfile
import threading
import urllib.parse


class EoslabError(RuntimeError):
    """A request the server could not answer (not bad input, which raises ValueError): busy, time limit, failure."""

    def __init__(self, message, status):
        super().__init__(message)
        self.status = status


def find_jar():
    """The eoslab jar: $EOSLAB_JAR, else core/target/eoslab.jar in a checkout above this package or the working
    directory."""
    env = os.environ.get("EOSLAB_JAR")
    if env:
        if not os.path.isfile(env):
            raise FileNotFoundError(f"EOSLAB_JAR={env} is not a file")
        return env
    starts = [os.path.dirname(os.path.abspath(__file__)), os.getcwd()]
    for start in starts:
        d = start
        while True:
            candidate = os.path.join(d, "core", "target", "eoslab.jar")
            if os.path.isfile(candidate):
                return candidate
            parent = os.path.dirname(d)
            if parent == d:
                break
            d = parent
    raise FileNotFoundError("cannot find eoslab.jar: build it (./eoslab --version, or mvn -B package) in the "
                            "checkout, set EOSLAB_JAR to its path, or connect to a running server with "
                            "eoslab.connect(url) or EOSLAB_URL")


class Client:
    """An eoslab server and a persistent HTTP connection to it. Thread-safe (requests are serialized)."""

    def __init__(self, url=None, jar=None, java=None):
        self._process = None
        if url is None:
            self._process = _start(jar or find_jar(), java or os.environ.get("EOSLAB_JAVA", "java"))
            url = self._process.url
        u = urllib.parse.urlsplit(url)
        if u.scheme != "http" or not u.hostname:
            raise ValueError(f"not an http URL: {url}")
        self.url = url
        self._host = u.hostname
        self._port = u.port or 80
        self._lock = threading.Lock()
        self._conn = None

    def request(self, endpoint, body, raw=False):
        """POSTs a JSON body to /api/ENDPOINT; returns the decoded JSON (or the text with raw=True). Bad input raises
        ValueError with the CLI's message."""
        data = json.dumps(body).encode("utf-8")
        with self._lock:
            status, payload = self._post(endpoint, data)
        if status != 200:
            try:
                message = json.loads(payload.decode("utf-8"))["error"]
            except (ValueError, KeyError):
                message = payload.decode("utf-8", "replace")
            if status == 400:
                raise ValueError(message)
            raise EoslabError(message, status)
        if raw:
            return payload.decode("utf-8")
        return json.loads(payload.decode("utf-8"))

    def _post(self, endpoint, data):
        headers = {"Content-Type": "application/json", "Content-Length": str(len(data))}
        for attempt in range(2):
            if self._conn is None:
                self._conn = http.client.HTTPConnection(self._host, self._port, timeout=600)
            try:
                self._conn.request("POST", "/api/" + endpoint, body=data, headers=headers)
                r = self._conn.getresponse()
                return r.status, r.read()
            except (http.client.HTTPException, ConnectionError, OSError):
                self._conn.close()
                self._conn = None
                if attempt == 1:
                    raise
        raise AssertionError("unreachable")

    def close(self):
        """Closes the connection and stops the server this client started."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
        if self._process is not None:
            self._process.stop()
            self._process = None


class _Server:
    def __init__(self, popen, url, err_file):
        self.popen = popen
        self.url = url
        self.err_file = err_file

    def stop(self):
        if self.popen.poll() is None:
            try:
                self.popen.stdin.close()   # the server exits when its standard input closes
                self.popen.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                self.popen.kill()
                self.popen.wait()
        if self.popen.stdout is not None:
            self.popen.stdout.close()
        self.err_file.close()


def _start(jar, java):
    cmd = [java, "-Xss8m", "-Djava.awt.headless=true", "-jar", jar, "serve", "--port", "0", "--exit-with-stdin"]
    err_file = tempfile.TemporaryFile()
    p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err_file)
    line = p.stdout.readline().decode("utf-8", "replace").strip()
    prefix = "eoslab serve: "
    if not line.startswith(prefix):
        p.kill()
        p.wait()
        err_file.seek(0)
        err = err_file.read().decode("utf-8", "replace").strip()
        err_file.close()
        p.stdout.close()
        p.stdin.close()
        raise RuntimeError(f"could not start the eoslab server ({' '.join(cmd)}): {err or line or 'no output'}")
    server = _Server(p, line[len(prefix):], err_file)
    atexit.register(server.stop)
    return server
