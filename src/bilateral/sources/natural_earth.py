"""Country outlines for the energy report's route map, from Natural Earth's 1:110m Admin 0 countries.

Source (raw folder): ``natural_earth_110m`` (the shapefile set ``naturalearth_lowres``, read with
the pure-Python ``pyshp`` reader). Only the countries whose outline reaches into the map window
:data:`WINDOW` (Italy to the Caspian) are kept, and of those only the polygon rings that reach into
it: a small derived table of vertices that the report draws with matplotlib. Natural Earth's
borders follow its de facto policy; the report says that no position on disputed territory is implied.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pandas as pd

from bilateral.errors import MissingSourcesError, RawDataError
from bilateral.schema import Field, Table

NE = "natural_earth_110m"
SOURCES_USED = (NE,)
NE_STEM = "naturalearth_lowres"
NE_ENCODING = "latin-1"  # the .cpg says ISO-8859-1
#: Map window: (lon min, lat min, lon max, lat max), degrees WGS 84.
WINDOW = (8.0, 30.0, 56.0, 47.5)
#: Natural Earth writes -99 where an entity has no ISO code; the codes used instead (NE's ADM0_A3).
NO_ISO = {"Kosovo": "KOS"}
REQUIRED_FIELDS = ("name", "iso_a3", "continent")
POLYGON = 5  # shapefile shape type

MAP_BORDERS = Table(
    name="map_borders",
    title="Country outlines around the South Caucasus, Türkiye and the Balkans (Natural Earth 1:110m)",
    description=(
        "One row per vertex of the outline rings of the countries that reach into the map window 8–56° E, 30–47.5° N, "
        "from Natural Earth's 1:110m Admin 0 countries (WGS 84 longitude and latitude, rounded to 4 decimals). "
        "Rings of the same country that lie wholly outside the window (e.g. Russia's Pacific coast) are left out. "
        "For drawing a locator map only: 1:110m is too coarse for exact borders."
    ),
    sources=(NE,),
    fields=(
        Field(
            "ne_code",
            "string",
            "Natural Earth's code: ISO 3166 alpha-3, or Natural Earth's own code for entities without one "
            "(e.g. CYN for Northern Cyprus, KOS for Kosovo).",
            pattern=r"^[A-Z]{3}$",
        ),
        Field("name", "string", "Natural Earth's short English name (as in the source, e.g. 'Turkey')."),
        Field("ring", "integer", "Number of the ring (polygon part) within the country, from 0.", minimum=0),
        Field("vertex", "integer", "Order of the vertex along the ring, from 0.", minimum=0),
        Field("lon", "number", "Longitude.", unit="degrees east (WGS 84)", minimum=-180, maximum=180),
        Field("lat", "number", "Latitude.", unit="degrees north (WGS 84)", minimum=-90, maximum=90),
    ),
    primary_key=("ne_code", "ring", "vertex"),
    warnings=("Borders as shown by Natural Earth (de facto); no position on disputed territory is implied.",),
)

TABLES = (MAP_BORDERS,)


def _overlaps(bbox, window=WINDOW) -> bool:
    """Whether a bounding box (xmin, ymin, xmax, ymax) meets the window."""
    return bbox[2] >= window[0] and bbox[0] <= window[2] and bbox[3] >= window[1] and bbox[1] <= window[3]


def rings(points: list, parts: list[int]) -> list[list[tuple[float, float]]]:
    """Split a shape's point list into rings at the part offsets.

    >>> rings([(0, 0), (1, 0), (0, 1), (5, 5), (6, 5), (5, 6)], [0, 3])
    [[(0, 0), (1, 0), (0, 1)], [(5, 5), (6, 5), (5, 6)]]
    """
    bounds = [*parts, len(points)]
    return [[tuple(p) for p in points[a:b]] for a, b in itertools.pairwise(bounds)]


def borders(raw: Path, window=WINDOW) -> pd.DataFrame:
    """The vertices of every ring that meets ``window``, of every country that meets it.

    Raises:
        RawDataError: naming the file and record, for an unreadable shapefile, a missing attribute
            field, a shape that is not a polygon or an entity without a usable code.
    """
    import struct

    import shapefile

    folder = raw / NE
    for ext in ("shp", "shx", "dbf"):
        if not (folder / f"{NE_STEM}.{ext}").is_file():
            raise MissingSourcesError(f"{NE}/{NE_STEM}.{ext} is missing under {raw}")
    file = f"{NE}/{NE_STEM}.shp"
    try:
        reader = shapefile.Reader(str(folder / NE_STEM), encoding=NE_ENCODING)
        fields = [f[0] for f in reader.fields[1:]]
        missing = [f for f in REQUIRED_FIELDS if f not in fields]
        if missing:
            raise RawDataError(f"{NE}/{NE_STEM}.dbf: missing attribute field(s) {missing}; found {fields}")
        records = reader.records()
        shapes = reader.shapes()
    except shapefile.ShapefileException as exc:
        raise RawDataError(f"{file}: cannot be read as a shapefile ({exc}); restore the file set as stored") from None
    except (OSError, ValueError, UnicodeDecodeError, IndexError, struct.error) as exc:
        raise RawDataError(
            f"{file}: cannot be read as a shapefile ({type(exc).__name__}: {exc}); restore the file set as stored"
        ) from None
    if len(records) != len(shapes):
        raise RawDataError(f"{file}: {len(shapes)} shapes but {len(records)} attribute records in the .dbf")
    out = []
    for i, (shape, rec) in enumerate(zip(shapes, records)):
        if not shape.points or not _overlaps(shape.bbox, window):
            continue
        if shape.shapeType != POLYGON:
            raise RawDataError(
                f"{file}: record {i} ({rec['name']!r}) has shape type {shape.shapeType}, not a polygon ({POLYGON})"
            )
        code = str(rec["iso_a3"]).strip()
        if code == "-99":
            code = NO_ISO.get(str(rec["name"]), "")
        if len(code) != 3 or not code.isalpha() or not code.isupper():
            raise RawDataError(
                f"{NE}/{NE_STEM}.dbf: record {i} ({rec['name']!r}): code {rec['iso_a3']!r} is not usable; add the entity to natural_earth.NO_ISO"
            )
        kept = 0
        for ring in rings(shape.points, list(shape.parts)):
            xs, ys = [p[0] for p in ring], [p[1] for p in ring]
            if not _overlaps((min(xs), min(ys), max(xs), max(ys)), window):
                continue
            out.extend((code, str(rec["name"]), kept, j, round(x, 4), round(y, 4)) for j, (x, y) in enumerate(ring))
            kept += 1
    return pd.DataFrame(out, columns=MAP_BORDERS.columns)


def build(raw: Path) -> dict[str, pd.DataFrame]:
    """Build the map outline table from the raw folder ``raw``."""
    return {MAP_BORDERS.name: borders(raw)}
