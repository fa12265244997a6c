"""The Donation Checker desktop application (PySide6): a thin layer over the headless core."""
