#!/usr/bin/env python3
"""Reproduce the random selection of the fourth quotes/posts development set (dev4).

The strata, filters and quotas of select_dev3.py (8 SaudiNewsNet, 4 afcsdc, 2 afcsdc with an
embedded tweet, 2 arabic-newspapers-19), with a new seed, random.Random(2029), and with every
article of any eval/gold/{quotes,events,full}/<split>/ folder (dev3 included) and every id of
probed.txt removed. Prints ids only, never text. The outcome is frozen in dev4/README.md,
because new gold files change the exclusions.

Usage: python3 eval/gold/quotes/select_dev4.py [SHARED_DIR]   (default ../shared)
"""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import select_dev3 as d3  # noqa: E402  (reuses its filters, corpus readers and PROBED)

SEED = 2029
SHOW = 20


def main(seed=SEED):
    skip = d3.excluded(splits=("*",))
    print("excluded (already annotated or probed)", len(skip))
    snn = sorted(a["id"] for a in d3.jsonl("corpus/saudinewsnet/saudinewsnet.jsonl.gz")
                 if 800 <= len(a["text"]) <= 4000 and d3.QUOTE_HINT.search(a["text"]))
    random.Random(seed).shuffle(snn)
    snn = [i for i in snn if i not in skip]
    print("snn pool", len(snn), "order", snn[:SHOW])

    afc_all = list(d3.jsonl("corpus/afcsdc/afcsdc.jsonl.gz"))
    by_num = lambda s: int(s.split("-")[1])  # noqa: E731
    afc = sorted((a["id"] for a in afc_all if 800 <= len(a["text"]) <= 5000 and "قال" in a["text"]),
                 key=by_num)
    random.Random(seed).shuffle(afc)
    afc = [i for i in afc if i not in skip]
    print("afcsdc pool", len(afc), "order", afc[:SHOW])

    tw = sorted((a["id"] for a in afc_all
                 if d3.TWEET_SIG.search(a["text"]) and len(a["text"]) <= 6000), key=by_num)
    random.Random(seed).shuffle(tw)
    tw = [i for i in tw if i not in skip]
    print("afcsdc-tweets pool", len(tw), "order", tw[:SHOW])

    root = os.path.join(d3.SHARED, "corpus/arabic-newspapers-19")
    an19 = []
    for folder in sorted(os.listdir(root)):
        for name in sorted(os.listdir(os.path.join(root, folder))):
            with open(os.path.join(root, folder, name), "rb") as f:
                text = f.read().decode("cp1256", errors="replace")
            if 800 <= len(text) <= 5000 and d3.QUOTE_HINT.search(text):
                an19.append(f"an19-{folder}-{os.path.splitext(name)[0]}")
    random.Random(seed).shuffle(an19)
    an19 = [i for i in an19 if i not in skip]
    print("an19 pool", len(an19), "order", an19[:SHOW])


if __name__ == "__main__":
    main()
