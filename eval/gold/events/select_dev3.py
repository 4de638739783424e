#!/usr/bin/env python3
"""Reproducible selection of the third event development set (dev3/, 15 articles).

Same strata and filter as select_articles.py (imported from it: KEYWORDS, FILTER, corpora,
candidate lists), with a NEW seed, random.Random(2028) (one generator, corpora in the order
saudinewsnet, afcsdc, arabic-newspapers-19), excluding every id already annotated in any
eval/gold/{events,quotes,full}/<split>/ folder and every id of eval/gold/quotes/probed.txt
(unannotated articles read by hand while tuning). arabic-newspapers-19 ids are compared by
file stem (TMP11 = an19-politics-TMP11).

Quota, keeping roughly the corpus mix of dev/ and dev2/: 6 saudinewsnet, 5 afcsdc,
4 arabic-newspapers-19. The annotators walk each shuffled list from the top and skip an
article only when it has no political event at all, or is a near-duplicate of one already
taken; the skips and reasons are in dev3/README.md.

Prints ids only, never text. Since the exclusions are read from the gold folders at run time,
new gold files can change the shuffled order; the outcome is frozen in dev3/README.md.
Usage: python3 eval/gold/events/select_dev3.py
"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from select_dev2 import print_walk  # noqa: E402

SEED = 2028
QUOTA = {"saudinewsnet": 6, "afcsdc": 5, "arabic-newspapers-19": 4}
SHOW = 30


def excluded_ids():
    gold = HERE.parent
    out = set()
    for f in gold.glob("*/*/*.gold.json"):
        stem = f.name[: -len(".gold.json")]
        out.add(stem)
        if stem.startswith("an19-"):  # an19-politics-TMP16 -> TMP16
            out.add(stem.split("-", 2)[2])
    probed = gold / "quotes" / "probed.txt"
    for line in probed.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.add(line)
            if line.startswith("an19-"):
                out.add(line.split("-", 2)[2])
    return out


def main():
    print_walk(SEED, QUOTA, excluded_ids(), SHOW)


if __name__ == "__main__":
    main()
