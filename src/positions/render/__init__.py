"""Renderers: each module turns a Comparison (and the dataset's lists) into one output format."""
