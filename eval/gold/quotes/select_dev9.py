#!/usr/bin/env python3
"""Reproduce the random selection of the ninth quotes/posts development set (dev9).

Exactly select_dev4.py (same strata, filters, quotas and exclusions: every article of any
eval/gold/{quotes,events,full}/<split>/ folder and every id of probed.txt) with a new seed,
random.Random(2038). Prints ids only, never text. The outcome is frozen in dev9/README.md,
because new gold files change the exclusions.

Usage: python3 eval/gold/quotes/select_dev9.py [SHARED_DIR]   (default ../shared)
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import select_dev4  # noqa: E402

SEED = 2038

if __name__ == "__main__":
    select_dev4.main(SEED)
