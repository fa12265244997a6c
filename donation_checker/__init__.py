"""Donation Checker: does an in-kind equipment donation fit the army or agency that would receive it?

The core is headless: it imports inventories and offers, scores offers against rule sets kept as
data, and writes reports. It never imports Qt.
"""

__version__ = "0.1.0"
