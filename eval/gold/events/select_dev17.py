#!/usr/bin/env python3
"""Reproducible selection of the seventeenth event development set (dev17/, 15 articles).

select_dev10.py's filter, strata, quota, exclusions and near-copy test with a NEW seed,
random.Random(2057). Prints ids only, never text; the outcome is frozen in dev17/README.md.
Usage: python3 eval/gold/events/select_dev17.py
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import select_dev10  # noqa: E402

SEED = 2057

if __name__ == "__main__":
    select_dev10.main(seed=SEED)
