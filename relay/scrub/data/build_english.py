"""Rebuild `english.txt.gz`, the ordinary English words the NAME detectors consult.

Why: a word no name list knows may still be a name ("vongsavath", "Gianfranco") or just a
word ("consents", "spool", "telehealth" aside). SCOWL's American English list writes proper
nouns capitalised and ordinary words in lower case, so its lower-case entries are English
words and never a name by themselves. The source is Debian's `wamerican-large` package
(SCOWL size 70, 2020.12.07); the list is not needed at run time beyond the compressed output
(~300 KB). SCOWL's copyright notice ships beside it in `SCOWL-LICENSE.txt`.

Run: apt-get download wamerican-large && dpkg-deb -x wamerican-large_*.deb /tmp/wam
     .venv/bin/python relay/scrub/data/build_english.py \
         /tmp/wam/usr/share/dict/american-english-large
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path


def main(source: str) -> None:
    words = set()
    for line in Path(source).read_text(encoding="utf-8", errors="replace").splitlines():
        w = line.strip()
        # lower-case, letters only, three or more: the lengths a name detector asks about
        if len(w) >= 3 and w.isalpha() and w.islower():
            words.add(w)
    target = Path(__file__).with_name("english.txt.gz")
    with gzip.GzipFile(target, "wb", compresslevel=9, mtime=0) as fh:
        fh.write(("\n".join(sorted(words)) + "\n").encode("utf-8"))
    print(f"{target}: {len(words)} words")


if __name__ == "__main__":
    main(sys.argv[1])
