#!/usr/bin/env python3
"""Reproducible selection of the tenth event development set (dev10/, 15 articles).

select_dev3.py's filter, strata, quota (6 saudinewsnet / 5 afcsdc / 4 arabic-newspapers-19) and
exclusion of every annotated or probed id, with a NEW seed, random.Random(2043), and one more
exclusion: near-copies of an excluded article (../near_copies.py), printed with the article
they copy. Prints ids only, never text; the outcome is frozen in dev10/README.md.
Usage: python3 eval/gold/events/select_dev10.py
"""
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
from near_copies import NearCopies  # noqa: E402
from select_articles import candidates, shared_dir  # noqa: E402
from select_dev2 import short_id  # noqa: E402
from select_dev3 import QUOTA, SHOW, excluded_ids  # noqa: E402

SEED = 2043


def main(seed=SEED):
    excl = excluded_ids()
    copies = NearCopies(str(shared_dir()), excl)
    cands = candidates(shared_dir())
    rng = random.Random(seed)
    for name in ("saudinewsnet", "afcsdc", "arabic-newspapers-19"):
        ids = [d for d in cands[name] if short_id(d) not in excl]
        order = ids[:]
        rng.shuffle(order)
        shown, dropped = [], []
        for d in order:
            if len(shown) == SHOW:
                break
            copy = copies.of(short_id(d))
            if copy:
                dropped.append(f"{short_id(d)}~{copy}")
            else:
                shown.append(short_id(d))
        print(f"## {name}: {len(ids)} pass the filter after exclusions; quota {QUOTA[name]}; "
              f"shuffled order without near-copies (first {SHOW}):")
        for s in shown:
            print(s)
        print(f"near-copies dropped: {dropped}")


if __name__ == "__main__":
    main()
