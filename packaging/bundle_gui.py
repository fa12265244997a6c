"""The bundled desktop application's entry point (PyInstaller runs this file as the program)."""

import runpy
import sys

if __name__ == "__main__":
    if sys.argv[1:2] == ["--cell-reader"]:
        # The cell reader's process (donation_checker/importer/reader.py): run its script alone,
        # without the package's imports, as `python -I cellworker.py …` does outside a bundle.
        sys.argv = sys.argv[2:]
        runpy.run_path(sys.argv[0], run_name="__main__")
        sys.exit(0)
    from donation_checker_gui.app import main

    sys.exit(main())
