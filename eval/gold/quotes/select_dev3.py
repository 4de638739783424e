#!/usr/bin/env python3
"""Reproduce the random selection of the third quotes/posts development set (dev3).

Prints, for each stratum, the candidate ids in random order (ids only, never text),
after removing every article already annotated in eval/gold/{quotes,events,full}/{dev,dev2,test} (matched on the `doc` field).

Strata (each pool sorted, then shuffled with its own random.Random(2027)):
  (a) SaudiNewsNet, 800-4000 characters, text contains « or " or “ or قال   -> 8 articles
  (b) afcsdc, 800-5000 characters, text contains قال                         -> 4 articles
  (c) afcsdc with an embedded tweet signature "(@handle)", up to 6000 chars -> 2 articles
  (d) arabic-newspapers-19 (all six folders, cp1256), 800-5000 characters,
      with the same quotation hint as (a)                                     -> 2 articles
  Every id in probed.txt (unannotated articles read by hand while tuning) is removed
  as well. An id drawn twice (an afcsdc article in (b) and (c)) is taken once, in (b).

The annotator walks each list from the top and skips an article only when it has no
quotation at all. Skipped ids are listed in dev3/README.md.

Usage: python3 eval/gold/quotes/select_dev3.py [SHARED_DIR]   (default ../shared)
"""
import glob
import gzip
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "../../../../shared")
SEED = 2027
QUOTE_HINT = re.compile(r'[«"“]|قال')
SHOW = 20
TWEET_SIG = re.compile(r'\(\s*@\s*[A-Za-z0-9_\-]+\s*\)')
# Unannotated articles read by hand while tuning: no development set may draw them.
with open(os.path.join(HERE, "probed.txt"), encoding="utf-8") as f:
    PROBED = {line.strip() for line in f if line.strip() and not line.startswith("#")}


def jsonl(path):
    with gzip.open(os.path.join(SHARED, path), "rt", encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def excluded(splits=("dev", "dev2", "test")):
    """Ids of every article already in an existing gold set (of the given split folders;
    "*" for all), and of probed.txt."""
    gold = os.path.normpath(os.path.join(HERE, ".."))
    ids = set()
    for layer in ("quotes", "events", "full"):
        for split in splits:
            for path in glob.glob(os.path.join(gold, layer, split, "*.gold.json")):
                with open(path, encoding="utf-8") as f:
                    doc = json.load(f)["doc"]
                if "#" in doc:
                    ids.add(doc.split("#", 1)[1])
                else:  # corpus/arabic-newspapers-19/<folder>/<file>.txt
                    folder, name = doc.split("/")[-2:]
                    ids.add(f"an19-{folder}-{os.path.splitext(name)[0]}")
    return ids | PROBED


def main():
    skip = excluded()
    print("excluded (already annotated)", len(skip))

    snn = sorted(a["id"] for a in jsonl("corpus/saudinewsnet/saudinewsnet.jsonl.gz")
                 if 800 <= len(a["text"]) <= 4000 and QUOTE_HINT.search(a["text"]))
    random.Random(SEED).shuffle(snn)
    snn = [i for i in snn if i not in skip]
    print("snn pool", len(snn))
    print("snn order", snn[:SHOW])

    afc = sorted((a["id"] for a in jsonl("corpus/afcsdc/afcsdc.jsonl.gz")
                  if 800 <= len(a["text"]) <= 5000 and "قال" in a["text"]),
                 key=lambda s: int(s.split("-")[1]))
    random.Random(SEED).shuffle(afc)
    afc = [i for i in afc if i not in skip]
    print("afcsdc pool", len(afc))
    print("afcsdc order", afc[:SHOW])

    tw = sorted((a["id"] for a in jsonl("corpus/afcsdc/afcsdc.jsonl.gz")
                 if TWEET_SIG.search(a["text"]) and len(a["text"]) <= 6000),
                key=lambda s: int(s.split("-")[1]))
    random.Random(SEED).shuffle(tw)
    tw = [i for i in tw if i not in skip]
    print("afcsdc-tweets pool", len(tw))
    print("afcsdc-tweets order", tw[:SHOW])

    root = os.path.join(SHARED, "corpus/arabic-newspapers-19")
    an19 = []
    for folder in sorted(os.listdir(root)):
        for name in sorted(os.listdir(os.path.join(root, folder))):
            with open(os.path.join(root, folder, name), "rb") as f:
                text = f.read().decode("cp1256", errors="replace")
            if 800 <= len(text) <= 5000 and QUOTE_HINT.search(text):
                an19.append(f"an19-{folder}-{os.path.splitext(name)[0]}")
    random.Random(SEED).shuffle(an19)
    an19 = [i for i in an19 if i not in skip]
    print("an19 pool", len(an19))
    print("an19 order", an19[:SHOW])


if __name__ == "__main__":
    main()
