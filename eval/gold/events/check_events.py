#!/usr/bin/env python3
"""Validate the event gold files (dev/, test/ and dev2/ beside this script).

For every <id>.gold.json: parse it, load the article it names from the shared folder
($ISNAD_SHARED, or the nearest ../shared, or /work/shared), and check, after the
normalization of shared/gold/README.md (drop diacritics and tatweel, unify alef forms,
ى→ي, ة→ه, collapse white space), that every trigger_text, sentence_starts,
entity mention and timex text occurs in the article (a form with ال also matches the
لل of the preposition ل: الحركات in للحركات); that every actor, target and
location is the name of an entity of the file; and that types, modes, statuses and
dates are well formed. Exit status 1 when anything is flagged.

Full-layer files (eval/gold/full/, `layers` listing "entities" without it being in
`partial_layers`) list every entity of the article, so there an entity need not be used by an
event, and their timex values may be any TIMEX3 value (XXXX-WXX-2, P3D, PRESENT_REF, ...).
An event may list `other_triggers`: the trigger words of its later mentions (the sentences
after the first in `sentence_starts`); each must occur in the article.

Usage: check_events.py [FILE_OR_DIR ...]   (default: dev/, test/ and dev2/ when present)
       check_events.py --counts             (also print counts by type and split)
"""
import gzip, json, os, re, sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
TYPES = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
         "INVESTIGATE", "DEMAND", "DISAPPROVE", "FIGHT", "CRIME"}
STATUSES = {"happened", "planned", "threatened", "denied", "hypothetical"}
ENT_TYPES = {"PER", "ORG", "LOC", "MISC"}
ENTITY_KEYS = {"name", "type", "mentions", "roles", "event_roles", "handles", "geo"}
EVENT_KEYS = {"type", "mode", "alt_types", "status", "actors", "targets", "location", "locations",
              "date", "trigger_text", "sentence_starts", "note", "other_triggers"}
WINDOW = 1500  # normalized characters after a sentence start in which the trigger must occur (bulletin sentences run long)
ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
TIMEX_VALUE = re.compile(
    r"^(PRESENT_REF|PAST_REF|FUTURE_REF"
    r"|P((\d+(\.\d+)?|X)(DE|CE|ML|[YMWD]))+(T(\d+[HMS])+)?|PT(\d+(\.\d+)?[HMS]|X[HMS])+"
    r"|(\d{2}|\d{4}|XXXX)(-(\d{2}|XX)(-(\d{2}|XX))?|-W(\d{2}|XX)(-[1-7]|-WE)?|-(SP|SU|FA|WI|Q[1-4]|H[12]))?"
    r"(T(\d{2}(:\d{2})?|MO|AF|EV|NI))?)$")

_DIAC = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_WS = re.compile(r"\s+")


def norm(s):
    s = _DIAC.sub("", s)
    s = s.translate(str.maketrans({"آ": "ا", "أ": "ا", "إ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"}))
    return _WS.sub(" ", s).strip()


def occurs(s, text):
    """s occurs in the normalized text; a form with the article ال also matches after the
    preposition ل, where Arabic writes لل (الحركات in للحركات)."""
    n = norm(s)
    if n in text:
        return True
    return n.startswith("ال") and ("ل" + n[1:]) in text


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


_jsonl = {}


def load_text(shared, doc):
    if "#" in doc:
        rel, rid = doc.split("#", 1)
        if rel not in _jsonl:
            with gzip.open(shared / rel, "rt", encoding="utf-8") as f:
                _jsonl[rel] = {r["id"]: r["text"] for r in map(json.loads, f)}
        return _jsonl[rel][rid]
    raw = (shared / doc).read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1256")


def check_file(path, shared, problems):
    where = path.name
    try:
        g = json.loads(path.read_text(encoding="utf-8"))
    except Exception as e:  # noqa: BLE001
        problems.append(f"{where}: not valid JSON: {e}")
        return None
    for key in ("doc", "published", "layers", "events", "entities", "timex"):
        if key not in g:
            problems.append(f"{where}: missing field {key!r}")
    try:
        text = norm(load_text(shared, g["doc"]))
    except Exception as e:  # noqa: BLE001
        problems.append(f"{where}: cannot load {g.get('doc')!r}: {e}")
        return None
    if g.get("published") is not None and not ISO.match(g["published"]):
        problems.append(f"{where}: published {g['published']!r} is not ISO")

    def need(s, what):
        if not isinstance(s, str) or not s.strip():
            problems.append(f"{where}: {what}: empty or not a string: {s!r}")
        elif not occurs(s, text):
            problems.append(f"{where}: {what} not in article: {s!r}")

    names = {}
    for e in g.get("entities", []):
        if e.get("type") not in ENT_TYPES:
            problems.append(f"{where}: entity {e.get('name')!r}: bad type {e.get('type')!r}")
        if e.get("name") in names:
            problems.append(f"{where}: entity {e.get('name')!r} listed twice")
        names[e.get("name")] = e
        for k in e:
            if k not in ENTITY_KEYS:
                problems.append(f"{where}: entity {e.get('name')!r}: unknown key {k!r}")
        if not e.get("mentions"):
            problems.append(f"{where}: entity {e.get('name')!r} has no mentions")
        for m in e.get("mentions", []):
            need(m, f"mention of {e.get('name')!r}")
    used = set()
    for i, ev in enumerate(g.get("events", [])):
        tag = f"event {i + 1} ({ev.get('type')} {ev.get('trigger_text')!r})"
        for k in ev:
            if k not in EVENT_KEYS:
                problems.append(f"{where}: {tag}: unknown key {k!r}")
        if ev.get("type") not in TYPES:
            problems.append(f"{where}: {tag}: bad type")
        for t in ev.get("alt_types", []):
            if t not in TYPES or t == ev.get("type"):
                problems.append(f"{where}: {tag}: bad alt_type {t!r}")
        if "status" in ev and ev["status"] not in STATUSES:
            problems.append(f"{where}: {tag}: bad status {ev['status']!r}")
        if "date" in ev and not ISO.match(str(ev["date"])):
            problems.append(f"{where}: {tag}: date {ev['date']!r} is not ISO")
        need(ev.get("trigger_text"), f"{tag}: trigger_text")
        ss = ev.get("sentence_starts")
        if isinstance(ss, list):
            for s in ss:
                need(s, f"{tag}: sentence_starts")
        else:
            need(ss, f"{tag}: sentence_starts")
        for ot in ev.get("other_triggers", []):
            need(ot, f"{tag}: other_triggers")
        # the trigger must follow one of the sentence starts closely (same sentence, roughly)
        trig = ev.get("trigger_text")
        starts = ss if isinstance(ss, list) else [ss]
        if isinstance(trig, str) and all(isinstance(s, str) for s in starts):
            nt = norm(trig)
            alts = [nt] + (["ل" + nt[1:]] if nt.startswith("ال") else [])
            found = False
            for s in starts:
                pos = text.find(norm(s))
                while pos != -1 and not found:
                    window = text[pos:pos + WINDOW]
                    found = any(a in window for a in alts)
                    pos = text.find(norm(s), pos + 1)
            if not found:
                problems.append(f"{where}: {tag}: trigger not within {WINDOW} chars after any sentence start")
        if "location" in ev and "locations" in ev:
            problems.append(f"{where}: {tag}: both location and locations")
        refs = list(ev.get("actors", [])) + list(ev.get("targets", []))
        if ev.get("location"):
            refs.append(ev["location"])
        refs += list(ev.get("locations", []))
        for r in refs:
            used.add(r)
            if r not in names:
                problems.append(f"{where}: {tag}: {r!r} is not among the entities")
        for r in ev.get("actors", []) + ev.get("targets", []):
            pass
        for loc in ([ev["location"]] if ev.get("location") else []) + list(ev.get("locations", [])):
            if loc in names and names[loc].get("type") != "LOC":
                problems.append(f"{where}: {tag}: location {loc!r} is not a LOC entity")
    full = "entities" in (g.get("layers") or []) and "entities" not in g.get("partial_layers", [])
    if not full:
        for n in names:
            if n not in used:
                problems.append(f"{where}: entity {n!r} is not used by any event")
    for t in g.get("timex", []):
        need(t.get("text"), "timex text")
        if not (TIMEX_VALUE if full else ISO).match(str(t.get("value"))):
            problems.append(f"{where}: timex {t.get('text')!r}: value {t.get('value')!r} is not ISO")
    return g


def main(argv):
    counts = "--counts" in argv
    args = [a for a in argv if a != "--counts"]
    targets = [Path(a) for a in args] or [HERE / "dev", HERE / "test"] + [d for d in [HERE / "dev2"] if d.is_dir()]
    files = []
    for t in targets:
        files += sorted(t.glob("*.gold.json")) if t.is_dir() else [t]
    shared = shared_dir()
    problems = []
    table = defaultdict(Counter)
    for f in files:
        g = check_file(f, shared, problems)
        if g:
            split = f.parent.name
            for ev in g.get("events", []):
                table[split][ev.get("type")] += 1
                table[split]["_events"] += 1
            table[split]["_docs"] += 1
    for p in problems:
        print(p)
    print(f"{len(files)} files, {len(problems)} problems")
    if counts:
        splits = sorted(table)
        types = sorted({t for c in table.values() for t in c if not t.startswith("_")})
        print("| type | " + " | ".join(splits) + " | total |")
        print("|---|" + "---|" * (len(splits) + 1))
        for t in types:
            row = [table[s][t] for s in splits]
            print(f"| {t} | " + " | ".join(map(str, row)) + f" | {sum(row)} |")
        for k, label in (("_events", "events"), ("_docs", "articles")):
            row = [table[s][k] for s in splits]
            print(f"| **{label}** | " + " | ".join(map(str, row)) + f" | {sum(row)} |")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
