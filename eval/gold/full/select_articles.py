#!/usr/bin/env python3
"""Reproducible selection and dev/test split of the full-layer gold set (eval/gold/full/).

Reads the corpora under the shared folder ($ISNAD_SHARED, or the nearest ../shared, or
/work/shared) and prints, per corpus, the ids of the candidates that pass the filter, in the
order of a seeded shuffle (ids only, never text). The annotator walks each list from the top,
skips pages that are not political news (recorded in SKIPPED with the reason) and stops at the
quota. `--split` prints the dev/test assignment of the chosen articles, which was fixed before
any annotation (test slots drawn per corpus).

Filter (FILTER below), applied to the raw text (arabic-newspapers-19: cp1256-decoded, CRLF->LF):
  * 700..2500 characters;
  * a quotation hint: قال, أكد, أضاف or «;
  * an event hint: at least one of اجتمع, التقى, هاجم, قصف, اتفاق, اتهم, طالب, دعا;
  * not the doc of any gold file already under eval/gold/ (nor the seed article);
  * arabic-newspapers-19 only: not corrupted (fewer than 20 '?' characters).
"""
import gzip, json, os, random, re, sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 23
MIN_LEN, MAX_LEN = 700, 2500
QUOTE_HINTS = ["قال", "أكد", "أضاف", "«"]
EVENT_HINTS = ["اجتمع", "التقى", "هاجم", "قصف", "اتفاق", "اتهم", "طالب", "دعا"]
QUOTA = {"saudinewsnet": 10, "afcsdc": 6, "arabic-newspapers-19": 4}
N_TEST = {"saudinewsnet": 3, "afcsdc": 2, "arabic-newspapers-19": 1}
CORPORA = ("saudinewsnet", "afcsdc", "arabic-newspapers-19")


def shared_dir():
    env = os.environ.get("ISNAD_SHARED")
    if env:
        return Path(env)
    for p in HERE.parents:
        if (p / "shared" / "corpus").is_dir():
            return p / "shared"
        if (p.parent / "shared" / "corpus").is_dir():
            return p.parent / "shared"
    return Path("/work/shared")


def used_docs():
    """The doc of every gold file already in eval/gold/ outside full/, plus the seed."""
    used = {"corpus/seed/000_6b8877808e991eaa.txt"}
    for p in (HERE.parent).rglob("*.gold.json"):
        if HERE in p.parents:
            continue
        used.add(json.loads(p.read_text(encoding="utf-8"))["doc"])
    return used


def passes(text):
    return (MIN_LEN <= len(text) <= MAX_LEN
            and any(k in text for k in QUOTE_HINTS)
            and any(k in text for k in EVENT_HINTS))


def candidates(shared):
    used = used_docs()
    out = {}
    for name, rel in (("saudinewsnet", "corpus/saudinewsnet/saudinewsnet.jsonl.gz"),
                      ("afcsdc", "corpus/afcsdc/afcsdc.jsonl.gz")):
        ids = []
        with gzip.open(shared / rel, "rt", encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                doc = f"{rel}#{r['id']}"
                if doc not in used and passes(r["text"]):
                    ids.append(doc)
        out[name] = sorted(ids)
    ids = []
    pol = shared / "corpus/arabic-newspapers-19/politics"
    for p in sorted(pol.iterdir()):
        t = p.read_bytes().decode("cp1256").replace("\r\n", "\n")
        doc = f"corpus/arabic-newspapers-19/politics/{p.name}"
        if doc not in used and t.count("?") < 20 and passes(t):
            ids.append(doc)
    out["arabic-newspapers-19"] = sorted(ids)
    return out


def shuffled(shared):
    cands = candidates(shared)
    rng = random.Random(SEED)  # one generator, corpora in CORPORA order
    out = {}
    for name in CORPORA:
        order = cands[name][:]
        rng.shuffle(order)
        out[name] = order
    return out


# ---------------------------------------------------------------------------
# Outcome of walking the shuffled lists (GUIDELINES.md explains the skips).
CHOSEN = {
    "saudinewsnet": ["snn-2015-07-23-1223", "snn-2015-07-22-0152", "snn-2015-07-31-0724",
                     "snn-2015-08-06-3156", "snn-2015-08-08-1136", "snn-2015-07-21-0986",
                     "snn-2015-07-23-1001", "snn-2015-08-04-0988", "snn-2015-07-27-0776",
                     "snn-2015-08-06-0201"],
    "afcsdc": ["afcsdc-2568", "afcsdc-2450", "afcsdc-1479", "afcsdc-1902", "afcsdc-117", "afcsdc-1817"],
    "arabic-newspapers-19": ["EGP13", "TMP16", "SAP20", "TMP26"],
}
SKIPPED = {
    "saudinewsnet": {
        "snn-2015-08-04-0419": "off-topic: rain in Jazan valleys",
        "snn-2015-07-22-1684": "off-topic: employment-subsidy programme",
        "snn-2015-08-02-0550": "off-topic: football",
        "snn-2015-08-06-1232": "off-topic: airline business",
        "snn-2015-08-01-0556": "off-topic: football",
        "snn-2015-08-06-0529": "off-topic: workplace attendance system",
        "snn-2015-08-02-0191": "off-topic: football",
        "snn-2015-07-24-1085": "off-topic: football transfer",
        "snn-2015-08-03-1316": "off-topic: football federation",
        "snn-2015-08-04-0787": "off-topic: local roads (municipal council)",
        "snn-2015-07-24-0489": "off-topic: domestic-worker recruitment (labour administration)",
        "snn-2015-08-06-0380": "off-topic: agriculture economics",
        "snn-2015-08-02-0139": "off-topic: human-interest (crocodile)",
        "snn-2015-08-07-0213": "off-topic: financial regulation analysis",
        "snn-2015-08-11-0191": "off-topic: ordinary crime abroad (no state or political actor)",
        "snn-2015-07-24-1168": "off-topic: beach games for the disabled",
        "snn-2015-08-06-0118": "off-topic: football",
        "snn-2015-07-22-2042": "off-topic: insurance system outage",
        "snn-2015-07-22-1107": "off-topic: social media and families",
    },
    "afcsdc": {"afcsdc-2769": "non-news: 'on this day' history page (1942)"},
    "arabic-newspapers-19": {"AEP8": "non-news: opinion/analysis column"},
}


def split():
    """Test slots per corpus, drawn before annotation: the k-th accepted article of a corpus
    takes slot k; the drawn slots go to test, the others to dev."""
    rng = random.Random(SEED)
    out = {"dev": [], "test": []}
    for name in CORPORA:
        slots = set(rng.sample(range(QUOTA[name]), N_TEST[name]))
        for k, doc in enumerate(CHOSEN[name]):
            out["test" if k in slots else "dev"].append(doc)
    return out


def test_slots():
    rng = random.Random(SEED)
    return {name: sorted(k + 1 for k in rng.sample(range(QUOTA[name]), N_TEST[name])) for name in CORPORA}


if __name__ == "__main__":
    if sys.argv[1:] == ["--split"]:
        print("test slots (1-based):", test_slots())
        print(json.dumps(split(), indent=1, ensure_ascii=False))
    else:
        for name, order in shuffled(shared_dir()).items():
            print(f"## {name}: {len(order)} pass the filter; shuffled order (first 40):")
            for d in order[:40]:
                print(d)
