"""The frozen application's entry point (PyInstaller runs this file as `__main__`).

`freeze_support` must come first: the window prints reports in a worker process started with the
*spawn* method, and in a frozen program that worker is this same executable, started again with
arguments that only `freeze_support` understands.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from pia_wizard.cli import main

    sys.exit(main())
