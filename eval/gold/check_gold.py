#!/usr/bin/env python3
"""Validate gold annotation files against the articles they describe.

For every *.gold.json under the given paths (default: eval/gold/quotes/), it
- parses the JSON and checks the required fields and the allowed values;
- loads the referenced article from the shared folder (a .txt file, a
  `corpus/<file>.jsonl.gz#<id>` record, or an arabic-newspapers-19 file in Windows-1256);
- checks that every text_starts / text_ends occurs in the article after the
  normalization of shared/gold/README.md, and that a text_starts occurrence
  precedes a text_ends occurrence;
- checks that every quote speaker and post author_entity is an entities[].name,
  that source_post / nested_in point at existing ids, and that spans are short (<= 6 words);
- for files whose `layers` include "entities" or "timex" (the full-layer set, eval/gold/full/):
  that every entity mention and role occurs in the article (a form with ال also matches after
  the preposition ل, where Arabic writes لل), that `geo` is well formed and only on LOC
  entities, that no surface form is a mention of two entities, and that every timex text
  occurs and has a TIMEX3 value (2015-08-03, 2015-08, 2015, 2015-W31, XXXX-WXX-2,
  XXXX-XX-XX, 2015-08-03T10:00, P3D, PT72H, PRESENT_REF, ...), listed once per (text, value).

Usage: python3 eval/gold/check_gold.py [--shared DIR] [--stats] [PATH ...]
Exit status 0 when no errors were found, 1 otherwise.
"""
import argparse
import collections
import gzip
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SHARED = os.path.normpath(os.path.join(HERE, "../../../shared"))

DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640]")
KINDS = {"direct", "indirect", "mixed"}
PLATFORMS = {"twitter", "facebook", "instagram", "telegram", "youtube", "other"}
ENTITY_TYPES = {"PER", "ORG", "LOC", "MISC"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
TIMEX_VALUE = re.compile(
    r"^(PRESENT_REF|PAST_REF|FUTURE_REF"
    r"|P((\d+(\.\d+)?|X)(DE|CE|ML|[YMWD]))+(T(\d+[HMS])+)?|PT(\d+(\.\d+)?[HMS]|X[HMS])+"  # durations
    r"|(\d{2}|\d{4}|XXXX)(-(\d{2}|XX)(-(\d{2}|XX))?|-W(\d{2}|XX)(-[1-7]|-WE)?|-(SP|SU|FA|WI|Q[1-4]|H[12]))?"
    r"(T(\d{2}(:\d{2})?|MO|AF|EV|NI))?)$")


def normalize(text):
    text = DIACRITICS.sub("", text)
    text = re.sub("[آأإٱ]", "ا", text)
    text = text.replace("ى", "ي").replace("ة", "ه")
    return re.sub(r"\s+", " ", text).strip()


class Corpus:
    def __init__(self, shared):
        self.shared = shared
        self.jsonl = {}

    def text(self, doc):
        if "#" in doc:
            path, rid = doc.split("#", 1)
            if path not in self.jsonl:
                opener = gzip.open if path.endswith(".gz") else open
                with opener(os.path.join(self.shared, path), "rt", encoding="utf-8") as f:
                    self.jsonl[path] = {r["id"]: r["text"] for r in map(json.loads, f)}
            return self.jsonl[path][rid]
        with open(os.path.join(self.shared, doc), "rb") as f:
            raw = f.read()
        if "arabic-newspapers-19" in doc:
            return raw.decode("cp1256")
        return raw.decode("utf-8")


def occurs(form, norm_text):
    """The normalized form occurs in the normalized text; a form with the article ال also
    matches after the preposition ل, where Arabic writes لل (الأمم in للأمم)."""
    n = normalize(form)
    return n in norm_text or (n.startswith("ال") and ("ل" + n[1:]) in norm_text)


def find_span(norm_text, starts, ends):
    """Return (start, end) of the shortest span from a `starts` hit to a later `ends` hit, or None."""
    s, e = normalize(starts), normalize(ends)
    best = None
    for m in re.finditer(re.escape(s), norm_text):
        j = norm_text.find(e, m.start())
        if j >= 0:
            span = (m.start(), j + len(e))
            if best is None or span[1] - span[0] < best[1] - best[0]:
                best = span
    return best


def check_file(path, corpus, errors, warnings):
    def err(msg):
        errors.append(f"{path}: {msg}")

    def warn(msg):
        warnings.append(f"{path}: {msg}")

    try:
        with open(path, encoding="utf-8") as f:
            gold = json.load(f)
    except (OSError, json.JSONDecodeError) as exc:
        err(f"cannot parse: {exc}")
        return None
    for field in ("doc", "published", "layers", "posts", "quotes", "entities"):
        if field not in gold:
            err(f"missing field {field!r}")
    if gold.get("published") is not None and not DATE.match(gold["published"]):
        err(f"bad published {gold['published']!r}")
    try:
        text = corpus.text(gold["doc"])
    except (OSError, KeyError) as exc:
        err(f"cannot load doc {gold.get('doc')!r}: {exc}")
        return gold
    norm = normalize(text)

    layers = gold.get("layers") or []
    full = "entities" in layers and "entities" not in gold.get("partial_layers", [])
    names = {}
    seen_mentions = {}
    for ent in gold.get("entities", []):
        if ent.get("type") not in ENTITY_TYPES:
            err(f"entity {ent.get('name')!r}: bad type {ent.get('type')!r}")
        if ent["name"] in names:
            err(f"entity {ent['name']!r} listed twice")
        names[ent["name"]] = ent
        if full and not ent.get("mentions"):
            err(f"entity {ent['name']!r} has no mentions")
        for mention in ent.get("mentions", []):
            if not occurs(mention, norm):
                err(f"entity {ent['name']!r}: mention {mention!r} not in the article")
            if full:
                key = normalize(mention)
                if key in seen_mentions and seen_mentions[key] != ent["name"]:
                    err(f"mention {mention!r} given to both {seen_mentions[key]!r} and {ent['name']!r}")
                seen_mentions[key] = ent["name"]
        if full:
            for role in ent.get("roles", []):
                if not occurs(role, norm):
                    err(f"entity {ent['name']!r}: role {role!r} not in the article")
            geo = ent.get("geo")
            if geo is not None:
                if ent.get("type") != "LOC":
                    err(f"entity {ent['name']!r}: geo on a {ent.get('type')} entity")
                ok = (isinstance(geo.get("lat"), (int, float)) and -90 <= geo["lat"] <= 90
                      and isinstance(geo.get("lon"), (int, float)) and -180 <= geo["lon"] <= 180
                      and isinstance(geo.get("tolerance_km"), (int, float)) and geo["tolerance_km"] > 0)
                if not ok:
                    err(f"entity {ent['name']!r}: bad geo {geo!r}")
        for handle in ent.get("handles", []):
            if handle not in text:
                warn(f"entity {ent['name']!r}: handle {handle!r} not in the article")

    def check_span(kind, item):
        starts, ends = item.get("text_starts"), item.get("text_ends")
        if not starts or not ends:
            err(f"{kind} {item.get('id')}: missing text_starts/text_ends")
            return
        for label, value in (("text_starts", starts), ("text_ends", ends)):
            if len(value.split()) > 6:
                err(f"{kind} {item.get('id')}: {label} has more than 6 words")
            if normalize(value) not in norm:
                err(f"{kind} {item.get('id')}: {label} {value!r} not found in the article")
                return
        span = find_span(norm, starts, ends)
        if span is None:
            err(f"{kind} {item.get('id')}: no text_starts occurrence precedes a text_ends occurrence")
            return
        words = len(norm[span[0]:span[1]].split())
        if words >= 3 and (len(starts.split()) < min(3, words) or len(ends.split()) < min(3, words)):
            warn(f"{kind} {item.get('id')}: span of {words} words but a boundary phrase of fewer than 3 words")
        if span[1] - span[0] > 2500:
            warn(f"{kind} {item.get('id')}: span of {span[1] - span[0]} characters; check the boundaries")

    post_ids = set()
    for post in gold.get("posts", []):
        post_ids.add(post.get("id"))
        if post.get("platform") not in PLATFORMS:
            err(f"post {post.get('id')}: bad platform {post.get('platform')!r}")
        if post.get("date") is not None and not DATE.match(post["date"]):
            err(f"post {post.get('id')}: bad date {post['date']!r}")
        if post.get("handle") and normalize(post["handle"]) not in norm:
            err(f"post {post.get('id')}: handle {post['handle']!r} not in the article")
        if post.get("author") and normalize(post["author"]) not in norm:
            err(f"post {post.get('id')}: author {post['author']!r} not in the article")
        ae = post.get("author_entity")
        if ae is not None and ae not in names:
            err(f"post {post.get('id')}: author_entity {ae!r} is not an entities[].name")
        if post.get("text_starts") is None and post.get("text_ends") is None:
            continue  # a post whose own text was lost (signature only); see GUIDELINES.md
        check_span("post", post)

    quote_ids = {q.get("id") for q in gold.get("quotes", [])}
    for q in gold.get("quotes", []):
        if q.get("kind") not in KINDS:
            err(f"quote {q.get('id')}: bad kind {q.get('kind')!r}")
        sp = q.get("speaker")
        if sp is None:
            if not q.get("speaker_description"):
                warn(f"quote {q.get('id')}: no speaker and no speaker_description")
        elif sp not in names:
            err(f"quote {q.get('id')}: speaker {sp!r} is not an entities[].name")
        if q.get("verb") is not None and normalize(q["verb"]) not in norm:
            err(f"quote {q.get('id')}: verb {q['verb']!r} not in the article")
        if q.get("date") is not None and not DATE.match(q["date"]):
            err(f"quote {q.get('id')}: bad date {q['date']!r}")
        if q.get("source_post") is not None and q["source_post"] not in post_ids:
            err(f"quote {q.get('id')}: source_post {q['source_post']!r} does not exist")
        if q.get("nested_in") is not None and q["nested_in"] not in quote_ids:
            err(f"quote {q.get('id')}: nested_in {q['nested_in']!r} does not exist")
        check_span("quote", q)
    if "timex" in layers:
        seen = set()
        for t in gold.get("timex", []):
            text_, value = t.get("text"), t.get("value")
            if not text_ or not occurs(text_, norm):
                err(f"timex {text_!r} not in the article")
            if not isinstance(value, str) or not TIMEX_VALUE.match(value):
                err(f"timex {text_!r}: value {value!r} is not a TIMEX3 value")
            key = (normalize(text_ or ""), value)
            if key in seen:
                err(f"timex {text_!r} = {value!r} listed twice (list expressions, not occurrences)")
            seen.add(key)
    ids = [x.get("id") for x in gold.get("posts", []) + gold.get("quotes", [])]
    for dup in {i for i in ids if ids.count(i) > 1}:
        err(f"id {dup!r} used twice")
    return gold


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=DEFAULT_SHARED)
    ap.add_argument("--stats", action="store_true", help="print counts per folder")
    ap.add_argument("paths", nargs="*", default=[os.path.join(HERE, "quotes")])
    args = ap.parse_args()

    files = []
    for p in args.paths:
        if os.path.isdir(p):
            for root, _, names in os.walk(p):
                files += [os.path.join(root, n) for n in names if n.endswith(".gold.json")]
        else:
            files.append(p)
    corpus = Corpus(args.shared)
    errors, warnings = [], []
    stats = collections.defaultdict(collections.Counter)
    for path in sorted(files):
        gold = check_file(path, corpus, errors, warnings)
        if gold is None:
            continue
        split = os.path.basename(os.path.dirname(path))
        c = stats[split]
        c["articles"] += 1
        c["posts"] += len(gold.get("posts", []))
        c["quotes"] += len(gold.get("quotes", []))
        if "entities" in (gold.get("layers") or []) and "entities" not in gold.get("partial_layers", []):
            c["entities"] += len(gold.get("entities", []))
            c["entity mentions (distinct forms)"] += sum(len(e.get("mentions", [])) for e in gold.get("entities", []))
            for e in gold.get("entities", []):
                c["entities:" + e.get("type", "?")] += 1
                if e.get("geo"):
                    c["entities: LOC with geo"] += 1
                if e.get("roles"):
                    c["entities: with roles"] += 1
        if "timex" in (gold.get("layers") or []):
            c["timex"] += len(gold.get("timex", []))
        if "events" in (gold.get("layers") or []):
            c["events"] += len(gold.get("events", []))
        for q in gold.get("quotes", []):
            c["kind:" + q.get("kind", "?")] += 1
            if q.get("speaker") is None:
                c["unnamed speaker"] += 1
            if q.get("source_post"):
                c["with source_post"] += 1
            for form in q.get("form", []):
                c["form:" + form] += 1
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("error:", e)
    if args.stats:
        keys = sorted({k for c in stats.values() for k in c})
        print("| | " + " | ".join(sorted(stats)) + " | total |")
        print("|---|" + "---|" * (len(stats) + 1))
        for k in keys:
            row = [stats[s][k] for s in sorted(stats)]
            print(f"| {k} | " + " | ".join(map(str, row)) + f" | {sum(row)} |")
    print(f"{len(files)} files, {len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
