#!/usr/bin/env python3
"""Reproducible selection of the ninth event development set (dev9/, 15 articles).

Exactly select_dev3.py (strata, filter, quota 6 saudinewsnet / 5 afcsdc / 4
arabic-newspapers-19, exclusion of every annotated or probed id) with a NEW seed,
random.Random(2041). Prints ids only, never text; the outcome is frozen in dev9/README.md.
Usage: python3 eval/gold/events/select_dev9.py
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from select_dev2 import print_walk  # noqa: E402
from select_dev3 import QUOTA, SHOW, excluded_ids  # noqa: E402

SEED = 2041

if __name__ == "__main__":
    print_walk(SEED, QUOTA, excluded_ids(), SHOW)
