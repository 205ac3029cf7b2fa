"""The Python package against the CLI: the same options give the same numbers, and bad input the same message.

Run from the repository root (the jar must be built): python3 -m unittest discover -s python/tests
"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

import numpy as np  # noqa: E402

import eoslab  # noqa: E402

try:
    import pandas
except ImportError:
    pandas = None

JAR = eoslab.find_jar()


def cli(*args):
    """Runs the jar with the given arguments: (exit code, stdout, stderr)."""
    p = subprocess.run(["java", "-Xss8m", "-Djava.awt.headless=true", "-jar", JAR] + list(args),
                       capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def cli_json(*args):
    code, out, err = cli(*args)
    if code != 0:
        raise AssertionError(f"CLI failed: {err}")
    return json.loads(out)


def cli_columns(path):
    """The CSV file written by the CLI, read the way the package reads its columns."""
    with open(path, encoding="utf-8") as f:
        return eoslab._columns(f.read())


class PackageAgainstCli(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        eoslab.connect()
        cls.tmp = tempfile.TemporaryDirectory()

    @classmethod
    def tearDownClass(cls):
        eoslab.close()
        cls.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.tmp.name, name)

    def test_run_flow_and_compare_equal_their_json(self):
        self.assertEqual(eoslab.run(m0=0.1, lambda0=5, eta_rel=1.3),
                         cli_json("run", "--m0", "0.1", "--lambda0", "5", "--eta-rel", "1.3", "--json"))
        self.assertEqual(eoslab.run(width=100, scale=0.15, eta_rel=1.5, engine="vector"),
                         cli_json("run", "--width", "100", "--scale", "0.15", "--eta-rel", "1.5", "--engine",
                                  "vector", "--json"))
        self.assertEqual(eoslab.run(a=[0.3, 0.2, -0.1], b=[0.5, 0.1, 0.4], phi=-2, eta=0.2),
                         cli_json("run", "--a", "0.3,0.2,-0.1", "--b", "0.5,0.1,0.4", "--phi", "-2", "--eta", "0.2",
                                  "--json"))
        self.assertEqual(eoslab.flow(width=10, scale=0.5, method="ode", t_max=20, dt=0.01),
                         cli_json("flow", "--width", "10", "--scale", "0.5", "--method", "ode", "--t-max", "20",
                                  "--dt", "0.01", "--json"))
        got = eoslab.compare(m0=0.1, lambda0=5, eta_rel=1.3)
        self.assertEqual(got, cli_json("compare", "--m0", "0.1", "--lambda0", "5", "--eta-rel", "1.3", "--json"))
        self.assertEqual(got["gd"]["steps"], 13)

    def test_networks_equal_their_json(self):
        got = eoslab.run(model="linear", depth=3, widths=[4, 4], target_spectrum=[3, 1], target_size="3x3",
                         scale=0.3, eta=0.05, steps=400)
        self.assertEqual(got, cli_json("run", "--model", "linear", "--depth", "3", "--widths", "4,4",
                                       "--target-spectrum", "3,1", "--target-size", "3x3", "--scale", "0.3", "--eta",
                                       "0.05", "--steps", "400", "--json"))
        self.assertEqual(got["model"], "linear")
        self.assertLess(got["loss"], 1e-4)
        self.assertEqual(eoslab.compare(model="diagonal", sparse=[20, 8, 2], noise=0.01, alpha=0.5, eta=0.05,
                                        steps=300),
                         cli_json("compare", "--model", "diagonal", "--sparse", "20,8,2", "--noise", "0.01",
                                  "--alpha", "0.5", "--eta", "0.05", "--steps", "300", "--json"))
        with self.assertRaises(ValueError) as e:
            eoslab.run(model="linear", depth=2, target="/etc/passwd", scale=0.1, eta=0.1)
        self.assertTrue(str(e.exception).startswith("--target is not available through the API"))

    def test_check_takes_lists_for_comma_options(self):
        got = eoslab.check(m0=[0.1, 0.5], lambda0=3, eta_rel="0.05:1.9:40")
        want = cli_json("check", "--m0", "0.1,0.5", "--lambda0", "3", "--eta-rel", "0.05:1.9:40", "--json")
        del got["seconds"], want["seconds"]
        self.assertEqual(got, want)

    def test_sweep_is_the_files_columns(self):
        out = self.path("sweep.csv")
        cli("sweep", "--eta", "0.05:1.9:20", "--m0", "0:0.4:3", "--lambda0", "1:6:5", "--steps", "20000",
            "--out", out)
        got = eoslab.sweep(eta="0.05:1.9:20", m0="0:0.4:3", lambda0="1:6:5", steps=20000)
        want = cli_columns(out)
        if pandas is not None:
            self.assertIsInstance(got, pandas.DataFrame)
            pandas.testing.assert_frame_equal(got, want)
            self.assertEqual(len(got), 300)
        else:
            self.assertEqual(list(got), list(want))
            for name in want:
                np.testing.assert_array_equal(got[name], want[name], err_msg=name)
            self.assertEqual(got["steps"].dtype, np.int64)
            self.assertEqual(len(got["eta"]), 300)

    def test_table_is_the_out_file(self):
        out = self.path("cmp.csv")
        cli("compare", "--m0", "0.1", "--lambda0", "5", "--eta-rel", "1.3", "--every", "2", "--out", out)
        got = eoslab.table("compare", m0=0.1, lambda0=5, eta_rel=1.3, every=2)
        want = cli_columns(out)
        if pandas is not None:
            pandas.testing.assert_frame_equal(got, want)
        else:
            for name in want:
                np.testing.assert_array_equal(got[name], want[name], err_msg=name)

    def test_phase_is_the_npy_file_with_coordinates(self):
        prefix = self.path("map")
        cli("phase", "--eta", "0.2:1.6:48", "--lambda0", "0.5:8:32", "--steps", "3000", "--out", prefix)
        got = eoslab.phase(eta="0.2:1.6:48", lambda0="0.5:8:32", steps=3000)
        npy = np.load(prefix + ".npy")
        self.assertEqual(got["outcome"].shape, (32, 48))
        self.assertEqual(got["outcome"].dtype, np.uint8)
        for field in ("outcome", "period", "steps"):
            np.testing.assert_array_equal(got[field], npy[field], err_msg=field)
        cells = cli_columns(prefix + ".csv")
        first_row = np.asarray(cells["iy"]) == 0
        np.testing.assert_array_equal(got["x"], np.asarray(cells["eta"])[first_row])
        first_col = np.asarray(cells["ix"]) == 0
        np.testing.assert_array_equal(got["y"], np.asarray(cells["lambda0"])[first_col])
        self.assertEqual((got["x_name"], got["y_name"]), ("eta", "lambda0"))
        self.assertEqual(got["classes"][0], "converged")
        self.assertEqual(sum(got["counts"].values()), 48 * 32)

    def test_bad_input_raises_value_error_with_the_cli_message(self):
        cases = [
            ("run", dict(m0=0.1, lambda0=5), ["run", "--m0", "0.1", "--lambda0", "5"]),
            ("run", dict(m0=1, lambda0=1, eta=0.1, scale=1), ["run", "--m0", "1", "--lambda0", "1", "--eta", "0.1",
                                                              "--scale", "1"]),
            ("run", dict(m0=0.1, lambda0=5, eta=0.1, bogus=3), ["run", "--m0", "0.1", "--lambda0", "5", "--eta",
                                                                "0.1", "--bogus", "3"]),
            ("flow", dict(m0=0.1, lambda0=5, method="rk4"), ["flow", "--m0", "0.1", "--lambda0", "5", "--method",
                                                             "rk4"]),
            ("phase", dict(eta="0.2:1.6:16", lambda0=1), ["phase", "--eta", "0.2:1.6:16", "--lambda0", "1"]),
        ]
        for function, options, args in cases:
            with self.subTest(args=args):
                code, _, err = cli(*args)
                self.assertEqual(code, 2)
                with self.assertRaises(ValueError) as ctx:
                    getattr(eoslab, function)(**options)
                self.assertEqual(str(ctx.exception), err.strip()[len("error: "):])

    def test_a_running_server_can_be_used(self):
        p = subprocess.Popen(["java", "-jar", JAR, "serve", "--port", "0", "--exit-with-stdin"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        try:
            url = p.stdout.readline().decode().strip().split(": ", 1)[1]
            client = eoslab.Client(url=url)
            self.assertEqual(client.request("run", {"options": {"m0": 0.1, "lambda0": 5, "eta_rel": 1.3}})["summary"],
                             eoslab.run(m0=0.1, lambda0=5, eta_rel=1.3))
            client.close()
        finally:
            p.stdin.close()
            p.wait(timeout=10)
            p.stdout.close()
        self.assertEqual(p.returncode, 0)


if __name__ == "__main__":
    unittest.main()
