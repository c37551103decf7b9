#!/usr/bin/env python3
"""The held-out rule for stored web pages (issue 4, evaluation part 3).

The corpus's held-out lines (``bnnorm.variants_discover.is_heldout``) were
used up by the first two labelled parts.  Part 3 draws its windows from news
pages of the ``search`` tool's stored-page collection instead, and this rule,
fixed on 2026-11-23 *before* any table work of that day, splits those pages
in two, by address alone:

* pages the tables already cited when the rule was fixed (``CITED_BEFORE``)
  are never held out, nor any page of a site cited without a path;
* any other page is **held out** when the first byte of the SHA-1 of its normalized
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
# Table sources cite pages with or without the scheme (``anandabazar.com/…``).
_URL = regex.compile(r"(?:https?://)?(?:[a-z0-9-]+\.)+(?:com|in|net|org|bd|info|co|news|tv|live)(?:/[^\s,;()<>\"']*)?")


#: Addresses cited in data/variants/*.tsv at commit 6befd3d, when this rule was fixed: the tables were
#: (partly) built from them, so they are not held out.  Entries without a path stand for the whole site.
CITED_BEFORE = frozenset({
    "71newsbd.com/tag/ইরানের-নতুন-প্রেসিডেন্ট", "alokitobangladesh.com", "arthosuchak.com/archives/tag/নিরব-পর্যবেক্ষক",
    "banganews.net", "bangla.asianetnews.com/about/rishi-sunak", "banglahunt.com",
    "banglasongbad24.com/index.php/content/news/33668", "bd-pratidin.com/editorial/2024/07/12", "bdmobi.com",
    "biswabanglanews.com/?p=4136", "channelionline.com/rishi-sunak-is-the-new-prime-minister-of-britain",
    "dailyinqilab.com/islamic-world?page=3", "deshrupantor.com/entertainment-news/2020/11/27",
    "deshrupantor.com/international-news/2023/02/07", "ekattorlive.com/গুতেরেস-কে", "grambanglanews24.com/date/2016/10/06",
    "images-bn.thedailystar.net/taxonomy/term/142141", "jugantor.com/topic/ইমানুয়েল-ম্যাক্রোঁ", "khoborpatrabd.com/?p=35574",
    "news-tohid.blogspot.com/2022/04", "newz24.in/?tag=infosys-founder-n-r-narayana-murthy", "nilkantho.in/united-nations",
    "positivenews24.net/?p=31925", "prothomalo.com/amp/story/bangladesh/i8z8p91h9j",
    "prothomalo.com/amp/story/video/international/7zrra87g3k", "rojnamcha.in/?p=1135", "saradesh.net",
    "trinomulkhobor.com/2024/06/29", "tutobd.com/p/23469", "usharbani.com", "widenews24.com",
})
_CITED_SITES = frozenset(a for a in CITED_BEFORE if "/" not in a)


def normalize_url(url: str) -> str:
    url = unicodedata.normalize("NFC", urllib.parse.unquote(url.strip()))
    if "://" not in url:
        url = "https://" + url
    url = url.split("#", 1)[0]
    parts = urllib.parse.urlsplit(url)
    host = parts.netloc.lower()
    for prefix in ("www.", "m."):
        host = host.removeprefix(prefix)
    rest = urllib.parse.urlunsplit(("", "", parts.path, parts.query, "")).rstrip("/")
    return host + rest


def _hash(address: str) -> int:
    return hashlib.sha1(address.encode("utf-8")).digest()[0]


def is_heldout_url(url: str) -> bool:
    address = normalize_url(url)
    if address in CITED_BEFORE or address.split("/", 1)[0] in _CITED_SITES:
        return False
    return _hash(address) % 4 == 0


def check() -> int:
    bad = cited = 0
    for path in sorted(DATA.glob("*.tsv")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for url in _URL.findall(line):
                cited += 1
                if is_heldout_url(url):
                    print(f"{path.name}:{n}: cites held-out page {url}")
                    bad += 1
    print(f"{cited} page address(es) cited, {bad} of them held out")
    return 1 if bad else 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["check"]:
        return check()
    for url in argv:
        print(("held-out" if is_heldout_url(url) else "usable") + "\t" + url)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
