#!/usr/bin/env python3
"""The held-out rule for stored web pages (issue 4, evaluation part 3).

The corpus's held-out lines (``bnnorm.variants_discover.is_heldout``) were
used up by the first two labelled parts.  Part 3 draws its windows from news
pages of the ``search`` tool's stored-page collection instead, and this rule,
fixed on 2026-11-23 *before* any table work of that day, splits those pages
in two, by address alone:

* a page is **held out** when the first byte of the SHA-1 of its normalized
  address is divisible by 4 (about one page in four);
* the variant tables may cite only pages that are not held out
  (``python tools/heldout_pages.py check`` verifies every address in
  ``data/variants/*.tsv``), and the part-3 windows come only from held-out
  pages.

Normalized address: percent-escapes decoded, scheme and ``www.``/``m.``
prefix dropped, host lower-cased, trailing ``/`` dropped, NFC.

    python tools/heldout_pages.py URL...        # prints held-out / usable
    python tools/heldout_pages.py check          # no table cites a held-out page
"""

from __future__ import annotations

import hashlib
import sys
import unicodedata
import urllib.parse
from pathlib import Path

import regex

DATA = Path(__file__).resolve().parent.parent / "data" / "variants"
_URL = regex.compile(r"https?://[^\s,;()<>\"']+")


def normalize_url(url: str) -> str:
    url = unicodedata.normalize("NFC", urllib.parse.unquote(url.strip()))
    parts = urllib.parse.urlsplit(url)
    host = parts.netloc.lower()
    for prefix in ("www.", "m."):
        if host.startswith(prefix):
            host = host[len(prefix):]
    rest = urllib.parse.urlunsplit(("", "", parts.path, parts.query, "")).rstrip("/")
    return host + rest


def is_heldout_url(url: str) -> bool:
    return hashlib.sha1(normalize_url(url).encode("utf-8")).digest()[0] % 4 == 0


def check() -> int:
    bad = 0
    for path in sorted(DATA.glob("*.tsv")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for url in _URL.findall(line):
                if is_heldout_url(url):
                    print(f"{path.name}:{n}: cites held-out page {url}")
                    bad += 1
    print(f"{bad} held-out page(s) cited")
    return 1 if bad else 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["check"]:
        return check()
    for url in argv:
        print(("held-out" if is_heldout_url(url) else "usable") + "\t" + url)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
