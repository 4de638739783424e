#!/usr/bin/env python3
"""Reproduce the random selection of the eleventh quotes/posts development set (dev11).

select_dev4.py's strata, filters, quotas and exclusions (every article of any
eval/gold/{quotes,events,full}/<split>/ folder and every id of probed.txt) with a new seed,
random.Random(2042), and one more exclusion: near-copies of an excluded article
(../near_copies.py), printed with the article they copy. Prints ids only, never text. The
outcome is frozen in dev11/README.md, because new gold files change the exclusions.

Usage: python3 eval/gold/quotes/select_dev11.py [SHARED_DIR]   (default ../shared)
"""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))
import select_dev3 as d3  # noqa: E402
from near_copies import NearCopies  # noqa: E402

SEED = 2042
SHOW = 20


def walk(name, ids, skip, copies, seed):
    ids = sorted(ids, key=lambda s: (len(s), s)) if name.startswith("afcsdc") else sorted(ids)
    random.Random(seed).shuffle(ids)
    pool = [i for i in ids if i not in skip]
    order, dropped = [], []
    for i in pool:
        if len(order) == SHOW:
            break
        copy = copies.of(i)
        if copy:
            dropped.append(f"{i}~{copy}")
        else:
            order.append(i)
    print(f"{name} pool {len(pool)} order {order}")
    print(f"{name} near-copies dropped {dropped}")


def main(seed=SEED):
    skip = d3.excluded(splits=("*",))
    print("excluded (already annotated or probed)", len(skip))
    copies = NearCopies(d3.SHARED, skip)
    snn = [a["id"] for a in d3.jsonl("corpus/saudinewsnet/saudinewsnet.jsonl.gz")
           if 800 <= len(a["text"]) <= 4000 and d3.QUOTE_HINT.search(a["text"])]
    walk("snn", snn, skip, copies, seed)
    afc_all = list(d3.jsonl("corpus/afcsdc/afcsdc.jsonl.gz"))
    walk("afcsdc", [a["id"] for a in afc_all if 800 <= len(a["text"]) <= 5000 and "قال" in a["text"]],
         skip, copies, seed)
    walk("afcsdc-tweets", [a["id"] for a in afc_all
                           if d3.TWEET_SIG.search(a["text"]) and len(a["text"]) <= 6000],
         skip, copies, seed)
    root = os.path.join(d3.SHARED, "corpus/arabic-newspapers-19")
    an19 = []
    for folder in sorted(os.listdir(root)):
        for name in sorted(os.listdir(os.path.join(root, folder))):
            with open(os.path.join(root, folder, name), "rb") as f:
                text = f.read().decode("cp1256", errors="replace")
            if 800 <= len(text) <= 5000 and d3.QUOTE_HINT.search(text):
                an19.append(f"an19-{folder}-{os.path.splitext(name)[0]}")
    walk("an19", an19, skip, copies, seed)


if __name__ == "__main__":
    main()
