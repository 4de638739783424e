#!/usr/bin/env python3
"""Reproducible selection of the second event development set (dev2/, 12 articles).

Same strata and filter as select_articles.py (imported from it: KEYWORDS, FILTER, corpora,
candidate lists), but with a NEW seed, random.Random(2026) (one generator, corpora in the
order saudinewsnet, afcsdc, arabic-newspapers-19), and excluding every id already annotated in
eval/gold/events/{dev,test}, eval/gold/quotes/{dev,test,dev2} and eval/gold/full/{dev,test}
(arabic-newspapers-19 ids are compared by file stem: TMP11 = an19-politics-TMP11).

Quota, keeping roughly the corpus mix of dev/ (9 snn / 8 afcsdc / 7 an19 of 24):
5 saudinewsnet, 4 afcsdc, 3 arabic-newspapers-19.
The annotator walks each shuffled list from the top and skips an article only when it has no
political event at all (the skips and reasons are in SKIPPED below and in dev2/README.md).

Prints ids only, never text. The walk was done with 1703 / 196 / 51 candidates left after the
exclusions; since the exclusions are read from the gold folders at run time, new gold files there
can change the shuffled order, so the outcome is frozen in CHOSEN and SKIPPED below.
Usage: python3 eval/gold/events/select_dev2.py
"""
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from select_articles import candidates, shared_dir  # noqa: E402

SEED = 2026
QUOTA = {"saudinewsnet": 5, "afcsdc": 4, "arabic-newspapers-19": 3}
EXCLUDE_DIRS = ["events/dev", "events/test", "quotes/dev", "quotes/test", "quotes/dev2",
                "full/dev", "full/test"]

# Outcome of the walk (ids in walk order).
CHOSEN = {
    "saudinewsnet": ["snn-2015-07-21-1337", "snn-2015-07-31-0736", "snn-2015-08-09-0829",
                     "snn-2015-08-10-0738", "snn-2015-08-06-0410"],
    "afcsdc": ["afcsdc-63", "afcsdc-233", "afcsdc-218", "afcsdc-1109"],
    "arabic-newspapers-19": ["EGP21", "PSP12", "JOP20"],
}
SKIPPED = {
    "saudinewsnet": {
        "snn-2015-07-21-1137": "no political event: vox-pop on shopping tents in Taif",
        "snn-2015-08-07-0241": "no political event: engineers' certificate checks (professional licensing)",
        "snn-2015-08-10-0078": "near-duplicate of snn-2015-08-10-0738 (same SPA dispatch on al-Jubeir in Berlin)",
        "snn-2015-07-23-1207": "no political event: road accidents",
    },
    "afcsdc": {},
    "arabic-newspapers-19": {},
}


def short_id(doc):
    """corpus/...jsonl.gz#snn-... -> snn-...; corpus/arabic-newspapers-19/politics/TMP11.txt -> TMP11."""
    if "#" in doc:
        return doc.split("#", 1)[1]
    return Path(doc).stem


def excluded_ids():
    gold = HERE.parent
    out = set()
    for d in EXCLUDE_DIRS:
        p = gold / d
        if not p.is_dir():
            continue
        for f in p.glob("*.gold.json"):
            stem = f.name[: -len(".gold.json")]
            out.add(stem)
            if stem.startswith("an19-"):          # an19-politics-TMP16 -> TMP16
                out.add(stem.split("-", 2)[2])
    return out


def print_walk(seed, quota, excl, show=30):
    """Prints each corpus's candidates without the excluded ids, shuffled by one generator
    seeded with `seed` (corpora in a fixed order), first `show` of each."""
    cands = candidates(shared_dir())
    rng = random.Random(seed)
    for name in ("saudinewsnet", "afcsdc", "arabic-newspapers-19"):
        ids = [d for d in cands[name] if short_id(d) not in excl]
        order = ids[:]
        rng.shuffle(order)
        print(f"## {name}: {len(ids)} pass the filter after exclusions; quota {quota[name]}; "
              f"shuffled order (first {show}):")
        for d in order[:show]:
            print(short_id(d))


def main():
    print_walk(SEED, QUOTA, excluded_ids())


if __name__ == "__main__":
    main()
