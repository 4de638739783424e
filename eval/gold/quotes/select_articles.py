#!/usr/bin/env python3
"""Reproduce the random selection of the quotes/posts gold articles.

Prints, for each stratum, the candidates in random order (ids only, never text).
The annotator walks each list from the top and skips an article only when it has
no quotation at all (see GUIDELINES.md for the ones skipped).

Usage: python3 eval/gold/quotes/select_articles.py [SHARED_DIR]   (default ../shared)
"""
import gzip
import json
import os
import random
import re
import sys

SHARED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "../../../../shared")
SEED = 7
QUOTE_HINT = re.compile(r'[«"“]|قال')
TWEET_SIG = re.compile(r'\(\s*@\s*[A-Za-z0-9_\-]+\s*\)')


def jsonl(path):
    with gzip.open(os.path.join(SHARED, path), "rt", encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def main():
    # 1. SaudiNewsNet: the articles that embed real tweets (all of them), then a random sample.
    snn = list(jsonl("corpus/saudinewsnet/saudinewsnet.jsonl.gz"))
    snn_tweets = [a["id"] for a in snn if "pic.twitter.com" in a["text"] or re.search(r'\(@\w+\)', a["text"])]
    pool = sorted(a["id"] for a in snn
                  if a["id"] not in snn_tweets and 800 <= len(a["text"]) <= 4000 and QUOTE_HINT.search(a["text"]))
    random.Random(SEED).shuffle(pool)
    src = {a["id"]: a["source"] for a in snn}
    print("snn-tweets", snn_tweets)
    print("snn-random pool", len(pool))
    print("snn-random order", [(i, src[i]) for i in pool[:24]])

    # 2. afcsdc: articles with an embedded tweet signature, up to 6000 chars; plus one random article.
    afc = list(jsonl("corpus/afcsdc/afcsdc.jsonl.gz"))
    tw = sorted((a["id"] for a in afc if TWEET_SIG.search(a["text"]) and len(a["text"]) <= 6000),
                key=lambda s: int(s.split("-")[1]))
    random.Random(SEED).shuffle(tw)
    print("afcsdc-tweets pool", len(tw))
    print("afcsdc-tweets order", tw[:10])
    rest = sorted((a["id"] for a in afc if not TWEET_SIG.search(a["text"]) and 800 <= len(a["text"]) <= 5000
                   and "قال" in a["text"]), key=lambda s: int(s.split("-")[1]))
    random.Random(SEED).shuffle(rest)
    print("afcsdc-random pool", len(rest))
    print("afcsdc-random order", rest[:5])

    # 3. arabic-newspapers-19: all six folders, cp1256, 800-5000 chars, with a quotation hint.
    root = os.path.join(SHARED, "corpus/arabic-newspapers-19")
    files = []
    for folder in sorted(os.listdir(root)):
        for name in sorted(os.listdir(os.path.join(root, folder))):
            with open(os.path.join(root, folder, name), "rb") as f:
                text = f.read().decode("cp1256", errors="replace")
            if 800 <= len(text) <= 5000 and QUOTE_HINT.search(text):
                files.append(f"{folder}/{name}")
    random.Random(SEED).shuffle(files)
    print("an19 pool", len(files))
    print("an19 order", files[:6])

    # 4. The split, fixed before annotating: in each stratum the k-th accepted article
    #    takes slot k; these slots go to test, the others to dev.
    strata = {"snn-tweets": (2, 1), "snn-random": (14, 4), "afcsdc-tweets": (5, 2),
              "afcsdc-random": (1, 0), "an19": (2, 1)}
    rng = random.Random(SEED + 1)
    for name, (n, n_test) in strata.items():
        print("test slots", name, sorted(k + 1 for k in rng.sample(range(n), n_test)), "of", n)


if __name__ == "__main__":
    main()
