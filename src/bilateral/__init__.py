"""Reproducible analytical reports on a bilateral relationship (default: Azerbaijan–Türkiye).

Data flow, one way only: raw sources -> ``bilateral.pipeline`` -> ``data/processed/`` ->
``bilateral.data`` loaders -> analysis modules -> notebooks -> ``bilateral.build`` -> ``reports/``.
"""

__version__ = "0.1.0"
