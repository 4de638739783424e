#!/usr/bin/env python3
"""Flattens Wojood's nested CoNLL (one column per nesting level) into ANERcorp's four
types, for use as extra NER training data (`isnad train ner --extra`).

PERS -> PER, ORG -> ORG, GPE/LOC -> LOC, EVENT and CURR -> MISC (ANERcorp's MISC holds
events, currencies, prizes); other types are dropped. Of overlapping kept spans the
longest wins (an organisation inside a job title OCC survives, the title does not).
The `$#$` separator tokens are dropped.

usage: wojood_to_conll.py IN.txt > OUT.txt
"""
import sys

MAP = {"PERS": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "EVENT": "MISC", "CURR": "MISC"}


def all_spans(tags):
    """Spans read over all columns: a B-X anywhere on a line starts an X, continued by I-X on
    the following lines wherever the I-X sits."""
    out = []
    open_ = {}
    for i, ts in enumerate(tags + [[]]):
        types_i = {t[2:] for t in ts if t.startswith("I-")}
        for ty in list(open_):
            if ty not in types_i:
                out.append((ty, open_.pop(ty), i))
        for t in ts:
            if t.startswith("B-"):
                ty = t[2:]
                if ty in open_:
                    out.append((ty, open_.pop(ty), i))
                open_[ty] = i
    return out


def flatten(tokens, tags):
    kept = [(MAP[t], a, b) for t, a, b in all_spans(tags) if t in MAP]
    kept.sort(key=lambda s: (-(s[2] - s[1]), s[1]))
    labels = ["O"] * len(tokens)
    taken = [False] * len(tokens)
    for ty, a, b in kept:
        if any(taken[a:b]):
            continue
        for i in range(a, b):
            taken[i] = True
            labels[i] = ("B-" if i == a else "I-") + ty
    return labels


def main():
    sents, cur = [], []
    for line in open(sys.argv[1], encoding="utf-8"):
        cols = line.split()
        if not cols:
            if cur:
                sents.append(cur)
            cur = []
            continue
        if cols[0] == "$#$":
            continue
        cur.append((cols[0], cols[1:] if cols[1:] != ["O"] else []))
    if cur:
        sents.append(cur)
    out = sys.stdout
    for s in sents:
        toks = [t for t, _ in s]
        for tok, lab in zip(toks, flatten(toks, [g for _, g in s])):
            out.write(f"{tok} {lab}\n")
        out.write("\n")


if __name__ == "__main__":
    main()
