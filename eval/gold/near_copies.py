#!/usr/bin/env python3
"""Near-copy test shared by the selection scripts of the development sets.

The selection scripts exclude the *ids* of every annotated or probed article, but the corpora
hold the same wire dispatch under several ids (SaudiNewsNet crawls one SPA story from three
papers; afcsdc keeps reposts). An article that is a near-copy of one already tuned on is not
blind, so dev11 (quotes) and dev10 (events) onwards also drop near-copies.

A candidate is a near-copy when at least 30% of its word 3-gram shingles (or of the excluded
article's) occur in one excluded article, after the letter normalization every outlet varies
in (hamza forms, ta marbuta, alif maqsura, diacritics, tatweel). Measured on the copies the
annotators skipped by eye: the same wire report rewritten by two outlets shares 0.44-0.89 of
its 3-grams (afcsdc-74/afcsdc-63 0.55, snn-2015-07-31-0512/snn-2015-08-01-1070 0.46,
snn-2015-07-21-2644/snn-2015-07-22-1127 0.84); two outlets' own reports of one event that the
annotators kept share at most 0.17.

`NearCopies(shared_dir, excluded_ids).of(candidate_id)` returns the excluded id it copies, or
None. Ids are the gold-file stems: snn-..., afcsdc-..., an19-<folder>-<stem>; an19 stems alone
(TMP11) are accepted too.
"""
import gzip
import json
import os
import re
from collections import Counter

WORD = re.compile(r"[\u0621-\u064A\u0660-\u0669A-Za-z0-9]+")
N = 3
THRESHOLD = 0.3


def normalize(text):
    text = re.sub("[\u064B-\u0652\u0640]", "", text)
    text = re.sub("[أإآ]", "ا", text)
    return text.replace("ة", "ه").replace("ى", "ي")


def shingles(text):
    words = WORD.findall(normalize(text))
    return {tuple(words[i:i + N]) for i in range(len(words) - N + 1)}


def corpus_texts(shared):
    """Every article of the three corpora the selection scripts draw from, by gold-file stem."""
    texts = {}
    for rel in ("corpus/saudinewsnet/saudinewsnet.jsonl.gz", "corpus/afcsdc/afcsdc.jsonl.gz"):
        with gzip.open(os.path.join(shared, rel), "rt", encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                texts[r["id"]] = r["text"]
    root = os.path.join(shared, "corpus/arabic-newspapers-19")
    for folder in sorted(os.listdir(root)):
        for name in sorted(os.listdir(os.path.join(root, folder))):
            with open(os.path.join(root, folder, name), "rb") as f:
                text = f.read().decode("cp1256", errors="replace")
            texts[f"an19-{folder}-{os.path.splitext(name)[0]}"] = text
    return texts


class NearCopies:
    def __init__(self, shared, excluded_ids):
        self.texts = corpus_texts(shared)
        by_stem = {k.split("-", 2)[2]: k for k in self.texts if k.startswith("an19-")}
        self.index = {}
        self.sizes = {}
        for ex in excluded_ids:
            key = ex if ex in self.texts else by_stem.get(ex)
            if key is None or key in self.sizes:
                continue
            sh = shingles(self.texts[key])
            self.sizes[key] = len(sh)
            for s in sh:
                self.index.setdefault(s, []).append(key)

    def of(self, candidate):
        """The excluded article `candidate` nearly copies, or None."""
        key = candidate
        if key not in self.texts:
            key = next((k for k in self.texts if k.startswith("an19-") and k.endswith("-" + candidate)), key)
        sh = shingles(self.texts.get(key, ""))
        if not sh:
            return None
        shared_counts = Counter(d for s in sh for d in self.index.get(s, ()))
        for doc, n in shared_counts.most_common():
            if key == doc:
                continue
            if n >= THRESHOLD * len(sh) or n >= THRESHOLD * max(self.sizes[doc], 1):
                return doc
            break
        return None
