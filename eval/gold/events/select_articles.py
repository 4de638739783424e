#!/usr/bin/env python3
"""Reproducible selection and dev/test split of the articles of the event gold set.

Reads the corpora under the shared folder (default ../shared beside the repo, or $ISNAD_SHARED)
and prints, per corpus, the candidates that pass the filter in the order of a seeded shuffle.
The annotator walks each list from the top, skips non-news pages (and records why), and stops
at the quota. See GUIDELINES.md for the outcome.

Filter: the text contains at least MIN_KW distinct keywords of KEYWORDS (substring match on the
raw text) and is MIN_LEN..MAX_LEN characters long (after CRLF->LF for arabic-newspapers-19):
saudinewsnet and afcsdc: 2 keywords, 600-2500 chars; arabic-newspapers-19/politics (small folder):
1 keyword, 600-3000 chars.
"""
import gzip, json, os, random, sys
from pathlib import Path

KEYWORDS = ["اجتمع", "التقى", "هاجم", "قصف", "سيطر", "اتفاق", "اتهم", "طالب", "تظاهر", "عقوبات"]
FILTER = {"saudinewsnet": (2, 600, 2500), "afcsdc": (2, 600, 2500), "arabic-newspapers-19": (1, 600, 3000)}
SEED = 11
QUOTA = {"saudinewsnet": 14, "afcsdc": 12, "arabic-newspapers-19": 10}


def shared_dir():
    env = os.environ.get("ISNAD_SHARED")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    for p in here.parents:
        if (p / "shared" / "corpus").is_dir():
            return p / "shared"
        if (p.parent / "shared" / "corpus").is_dir():
            return p.parent / "shared"
    return Path("/work/shared")


def passes(text, corpus):
    min_kw, lo, hi = FILTER[corpus]
    n = sum(1 for k in KEYWORDS if k in text)
    return n >= min_kw and lo <= len(text) <= hi


def candidates(shared):
    out = {}
    for name, rel in (("saudinewsnet", "corpus/saudinewsnet/saudinewsnet.jsonl.gz"),
                      ("afcsdc", "corpus/afcsdc/afcsdc.jsonl.gz")):
        ids = []
        with gzip.open(shared / rel, "rt", encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                if passes(r["text"], name):
                    ids.append(f"{rel}#{r['id']}")
        out[name] = ids
    ids = []
    pol = shared / "corpus/arabic-newspapers-19/politics"
    for p in sorted(pol.iterdir()):
        t = p.read_bytes().decode("cp1256").replace("\r\n", "\n")
        if passes(t, "arabic-newspapers-19"):
            ids.append(f"corpus/arabic-newspapers-19/politics/{p.name}")
    out["arabic-newspapers-19"] = ids
    return out


def main():
    shared = shared_dir()
    cands = candidates(shared)
    rng = random.Random(SEED)
    for name in ("saudinewsnet", "afcsdc", "arabic-newspapers-19"):
        ids = cands[name]
        order = ids[:]
        rng.shuffle(order)
        print(f"## {name}: {len(ids)} pass the filter; shuffled order (first 40):")
        for d in order[:40]:
            print(d)




# ---------------------------------------------------------------------------
# The outcome of walking the shuffled lists (see GUIDELINES.md for the skips).
CHOSEN = {
    "saudinewsnet": ["snn-2015-07-22-1499", "snn-2015-08-06-0327", "snn-2015-08-06-2426",
                     "snn-2015-07-22-0984", "snn-2015-08-08-0520", "snn-2015-08-10-0196",
                     "snn-2015-07-21-2133", "snn-2015-08-09-0325", "snn-2015-07-26-0375",
                     "snn-2015-08-07-0094", "snn-2015-07-31-0833", "snn-2015-07-25-0593",
                     "snn-2015-07-25-1213", "snn-2015-08-11-0788"],
    "afcsdc": ["afcsdc-147", "afcsdc-56", "afcsdc-469", "afcsdc-1338", "afcsdc-1261",
               "afcsdc-1828", "afcsdc-1894", "afcsdc-1849", "afcsdc-1962", "afcsdc-452",
               "afcsdc-2213", "afcsdc-2422"],
    "arabic-newspapers-19": ["EGP19", "TMP11", "TMP19", "PSP4", "SYP24", "PSP18", "TMP20",
                             "EGP9", "TMP27", "KWP20"],
}
SKIPPED = {
    "saudinewsnet": {
        "snn-2015-07-24-2010": "off-topic: local summer festival", "snn-2015-08-06-1220": "off-topic: hospital staffing",
        "snn-2015-08-06-2151": "non-news: opinion column", "snn-2015-07-25-1038": "off-topic: civil-servant absences",
        "snn-2015-07-25-1059": "non-news: opinion column", "snn-2015-08-10-0519": "off-topic: student visits",
        "snn-2015-07-27-0041": "off-topic: lifestyle advice", "snn-2015-08-11-0629": "off-topic: football",
        "snn-2015-07-24-0435": "off-topic: oil prices", "snn-2015-07-26-0360": "off-topic: jobs fair",
        "snn-2015-07-25-1171": "off-topic: hajj registration", "snn-2015-07-21-2577": "off-topic: barber prices",
        "snn-2015-07-23-0107": "off-topic: football match-fixing", "snn-2015-07-31-0185": "off-topic: monkey attack in a park",
        "snn-2015-08-02-0231": "non-news: 'on this day' almanac list", "snn-2015-07-26-0592": "non-news: opinion column",
        "snn-2015-07-27-0858": "off-topic: car-maker fine", "snn-2015-08-06-1177": "off-topic: football transfer",
        "snn-2015-08-02-0648": "off-topic: football transfer"},
    "afcsdc": {},
    "arabic-newspapers-19": {
        "JOP23": "non-news: opinion column", "TMP3": "non-news: explainer on political systems",
        "SDP2": "non-news: opinion column", "BHP14": "non-news: opinion column"},
}
SPLIT_SEED = 11


def split():
    """24 dev / 12 test, stratified by corpus: 2/3 of each corpus's chosen ids to dev."""
    rng = random.Random(SPLIT_SEED)
    out = {"dev": [], "test": []}
    for name in ("saudinewsnet", "afcsdc", "arabic-newspapers-19"):
        ids = sorted(CHOSEN[name])
        rng.shuffle(ids)
        n_dev = round(len(ids) * 2 / 3)
        out["dev"] += ids[:n_dev]
        out["test"] += ids[n_dev:]
    return out


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--split":
        print(json.dumps(split(), indent=1))
    else:
        main()
