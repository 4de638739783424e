#!/usr/bin/env python3
"""Reproduce the random selection of the eighteenth quotes/posts development set (dev18).

select_dev11.py's strata, filters, quotas, exclusions and near-copy test with a new seed,
random.Random(2058). Prints ids only, never text. The outcome is frozen in dev18/README.md,
because new gold files change the exclusions.

Usage: python3 eval/gold/quotes/select_dev18.py [SHARED_DIR]   (default ../shared)
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import select_dev11  # noqa: E402

SEED = 2058

if __name__ == "__main__":
    select_dev11.main(seed=SEED)
