"""The bad-input corpus: a builder, the case table and the test that runs the real importers."""
