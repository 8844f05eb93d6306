"""One module per raw source (or group of closely related sources).

A builder with several jobs is a package (``curated``, ``unga``, ``energy``): its modules each do one
(vocabularies, table specs, one reader per raw file, the build step) and its ``__init__`` re-exports
their public names. Each builder module or package defines:

* ``TABLES``: the :class:`bilateral.schema.Table` specs of the tables it writes;
* ``SOURCES_USED``: keys of :data:`bilateral.catalog.SOURCES` whose raw folders it reads;
* ``build(raw: pathlib.Path) -> dict[str, pandas.DataFrame]``: the tidy tables, keyed by table name.

:mod:`bilateral.pipeline` runs them, validates every table and writes ``data/processed/``.
"""
