"""Runs the package's tests (unittest, no pytest needed) and ends with one line 'python: N passed, M failed'."""
import os
import sys
import unittest

here = os.path.dirname(os.path.abspath(__file__))
suite = unittest.defaultTestLoader.discover(here)
result = unittest.TextTestRunner(verbosity=2).run(suite)
bad = len(result.failures) + len(result.errors)
print(f"python ({sys.executable}, pandas {'present' if 'pandas' in sys.modules else 'absent'}): "
      f"{result.testsRun - bad} passed, {bad} failed")
sys.exit(0 if result.wasSuccessful() else 1)
