"""A PEP 517 build backend for the eoslab package, with the standard library only.

pip builds a package in an isolated environment into which it installs the backend named in pyproject.toml; with
no package index reachable (PyPI is not, here), setuptools cannot be installed there. This backend needs nothing:
it zips the pure-Python package ``eoslab`` into a wheel (and the tree into an sdist).
"""
import base64
import hashlib
import io
import os
import re
import tarfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NAME = "eoslab"
TAG = "py3-none-any"


def _version():
    with open(os.path.join(ROOT, NAME, "__init__.py"), encoding="utf-8") as f:
        return re.search(r'^__version__ = "([^"]+)"', f.read(), re.M).group(1)


def _metadata():
    return ("Metadata-Version: 2.1\n"
            f"Name: {NAME}\n"
            f"Version: {_version()}\n"
            "Summary: Python client of eoslab: exact GD and GF runs, sweeps and phase maps through a local eoslab "
            "server\n"
            "Requires-Python: >=3.8\n"
            "Requires-Dist: numpy\n"
            "Provides-Extra: pandas\n"
            "Requires-Dist: pandas; extra == \"pandas\"\n")


def _files():
    for base, _, names in os.walk(os.path.join(ROOT, NAME)):
        for n in sorted(names):
            if n.endswith(".py"):
                path = os.path.join(base, n)
                yield path, os.path.relpath(path, ROOT).replace(os.sep, "/")


def _record_line(arc, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{arc},sha256={digest},{len(data)}"


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def get_requires_for_build_editable(config_settings=None):
    return []


def _wheel(wheel_directory, editable):
    dist = f"{NAME}-{_version()}.dist-info"
    filename = f"{NAME}-{_version()}-{TAG}.whl"
    records = []
    with zipfile.ZipFile(os.path.join(wheel_directory, filename), "w", zipfile.ZIP_DEFLATED) as z:
        def add(arc, data):
            z.writestr(arc, data)
            records.append(_record_line(arc, data))
        if editable:
            add(f"__editable__.{NAME}.pth", (ROOT + "\n").encode())
        else:
            for path, arc in _files():
                with open(path, "rb") as f:
                    add(arc, f.read())
        add(f"{dist}/METADATA", _metadata().encode())
        add(f"{dist}/WHEEL", (f"Wheel-Version: 1.0\nGenerator: eoslab-backend\nRoot-Is-Purelib: true\nTag: {TAG}\n")
            .encode())
        add(f"{dist}/top_level.txt", f"{NAME}\n".encode())
        records.append(f"{dist}/RECORD,,")
        z.writestr(f"{dist}/RECORD", "\n".join(records) + "\n")
    return filename


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    return _wheel(wheel_directory, False)


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    return _wheel(wheel_directory, True)


def build_sdist(sdist_directory, config_settings=None):
    base = f"{NAME}-{_version()}"
    filename = base + ".tar.gz"
    with tarfile.open(os.path.join(sdist_directory, filename), "w:gz") as t:
        for rel in ["pyproject.toml", "_build/backend.py"] + [arc for _, arc in _files()]:
            t.add(os.path.join(ROOT, rel), arcname=f"{base}/{rel}")
        info = tarfile.TarInfo(f"{base}/PKG-INFO")
        data = _metadata().encode()
        info.size = len(data)
        t.addfile(info, io.BytesIO(data))
    return filename
