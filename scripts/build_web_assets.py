#!/usr/bin/env python3
"""Builds the web app's static assets from npm packages (see DATA.md and NOTICE).

  * world-atlas 2.0.2 (ISC; the data is Natural Earth's 1:110m admin-0 countries, public
    domain): country outlines, projected to a plate carree at PX_PER_DEGREE pixels per
    degree and written as one compact SVG, crates/isnad-web/static/world.svg. The web
    crate draws event points over it with the same projection (isnad_web::svg::project).
  * @fontsource-variable/noto-naskh-arabic 5.3.0 (SIL Open Font License 1.1): the
    Arabic-script subset of Noto Naskh Arabic as a variable woff2 (weights 400-700),
    copied as crates/isnad-web/static/naskh-arabic.woff2, with its licence beside it.

Packages are fetched with `npm pack` into a cache and checked against their sha256.

    python3 scripts/build_web_assets.py [--cache DIR]
"""

import argparse
import hashlib
import json
import subprocess
import sys
import tarfile
from pathlib import Path

from topojson import decode_arcs, polygons, ring

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "crates" / "isnad-web" / "static"

NPM_PACKAGES = {
    "world-atlas": (
        "2.0.2",
        "world-atlas-2.0.2.tgz",
        "032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97",
    ),
    "@fontsource-variable/noto-naskh-arabic": (
        "5.3.0",
        "fontsource-variable-noto-naskh-arabic-5.3.0.tgz",
        "f70a9e7e17937ea8d6913ec98dfd970604a202a079ac2ec7246c065a12b5e58e",
    ),
}

# The projection, mirrored by crates/isnad-web/src/svg.rs: x = (lon + 180) * PX,
# y = (NORTH - lat) * PX. Latitudes south of SOUTH (Antarctica) are cut off.
PX_PER_DEGREE = 4
NORTH = 84
SOUTH = -58


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def fetch_npm(cache: Path, name: str) -> Path:
    version, fname, digest = NPM_PACKAGES[name]
    path = cache / fname
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "pack", "--silent", f"{name}@{version}"], cwd=cache, check=True,
                       stdout=subprocess.DEVNULL)
    got = sha256(path)
    if got != digest:
        sys.exit(f"checksum mismatch for {fname}: {got} != {digest}")
    return path


def tar_member(tgz: Path, member: str) -> bytes:
    with tarfile.open(tgz, "r:gz") as t:
        f = t.extractfile(member)
        if f is None:
            raise KeyError(member)
        return f.read()


def project(lon: float, lat: float) -> tuple[int, int]:
    return round((lon + 180) * PX_PER_DEGREE), round((NORTH - lat) * PX_PER_DEGREE)


def world_svg(topo: dict) -> str:
    arcs = decode_arcs(topo)

    def path_of(rings):
        out = []
        for r in rings:
            pts = []
            prev = None
            for lon, lat in ring(arcs, r):
                # Unwrap longitudes so that a ring crossing the antimeridian (Fiji,
                # Chukotka) stays whole; what runs past the edge is cut by the viewBox.
                if prev is not None:
                    lon = prev + ((lon - prev + 180) % 360) - 180
                prev = lon
                p = project(lon, max(lat, SOUTH - 2))
                if not pts or p != pts[-1]:
                    pts.append(p)
            if len(pts) < 3:
                continue
            # Absolute first point, then relative steps: short integers.
            d = [f"M{pts[0][0]} {pts[0][1]}"]
            for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
                d.append(f"l{x1 - x0} {y1 - y0}")
            out.append("".join(d) + "z")
        return "".join(out)

    paths = []
    for geom in topo["objects"]["countries"]["geometries"]:
        polys = polygons(geom)
        if not polys:
            continue
        name = geom.get("properties", {}).get("name", "")
        if name == "Antarctica":
            continue
        d = "".join(path_of(p) for p in polys)
        if d:
            paths.append(f'<path d="{d}"/>')
    width = 360 * PX_PER_DEGREE
    height = (NORTH - SOUTH) * PX_PER_DEGREE
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}">'
        "<!-- Natural Earth 1:110m admin-0 countries (public domain), via world-atlas 2.0.2; "
        f"plate carree, {PX_PER_DEGREE} px per degree, {NORTH}N to {-SOUTH}S. "
        "Built by scripts/build_web_assets.py. -->"
        f'<rect width="{width}" height="{height}" fill="#dfeaf2"/>'
        '<g fill="#f6f3ea" stroke="#9aa5ae" stroke-width="0.6" stroke-linejoin="round">'
        + "".join(paths)
        + "</g></svg>\n"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache", type=Path, default=Path("/tmp/isnad-web-npm"))
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)

    atlas = fetch_npm(args.cache, "world-atlas")
    topo = json.loads(tar_member(atlas, "package/countries-110m.json"))
    svg = world_svg(topo)
    (OUT / "world.svg").write_text(svg, encoding="utf-8")
    print(f"world.svg: {len(svg.encode())} bytes")

    font = fetch_npm(args.cache, "@fontsource-variable/noto-naskh-arabic")
    woff2 = tar_member(font, "package/files/noto-naskh-arabic-arabic-wght-normal.woff2")
    (OUT / "naskh-arabic.woff2").write_bytes(woff2)
    (OUT / "naskh-arabic.LICENSE.txt").write_bytes(tar_member(font, "package/LICENSE"))
    print(f"naskh-arabic.woff2: {len(woff2)} bytes")


if __name__ == "__main__":
    main()
