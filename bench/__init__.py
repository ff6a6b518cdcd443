"""Benchmarks for CDP Desktop: ``python -m bench [--quick] [--json]`` (see bench/__main__.py).

They report figures against baselines measured in the same run and never assert; results go to
bench/RESULTS.md. Kept free of imports so that ``python -m bench.child_*`` processes start lean.
"""
