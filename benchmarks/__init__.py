"""Benchmarks: quality, speed and scale beside the usual alternatives (python -m benchmarks.run)."""
