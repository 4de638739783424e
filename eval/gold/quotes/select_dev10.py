#!/usr/bin/env python3
"""Reproduce the random selection of the tenth quotes/posts development set (dev10).

Exactly select_dev4.py (same strata, filters, quotas and exclusions: every article of any
eval/gold/{quotes,events,full}/<split>/ folder and every id of probed.txt) with a new seed,
random.Random(2040). Prints ids only, never text. The outcome is frozen in dev10/README.md,
because new gold files change the exclusions.

Usage: python3 eval/gold/quotes/select_dev10.py [SHARED_DIR]   (default ../shared)
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import select_dev4  # noqa: E402

SEED = 2040

if __name__ == "__main__":
    select_dev4.main(SEED)
