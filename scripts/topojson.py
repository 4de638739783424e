"""Reading TopoJSON (world-atlas): arcs decoded to (lon, lat) points, rings stitched
from arc indices, the polygons of a geometry. Shared by build_gazetteers.py (country
centroids) and build_web_assets.py (the world map)."""


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """The arcs of a quantized topology as (lon, lat) points."""
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:  # delta-encoded, quantized
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def ring(arcs: list, indices: list[int]) -> list[tuple[float, float]]:
    """The points of a ring made of arcs (a negative index ~i is arc i reversed); the
    point two arcs share is kept once."""
    pts = []
    for i in indices:
        a = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        pts.extend(a if not pts else a[1:])
    return pts


def polygons(geom: dict) -> list:
    """The polygons of a geometry (each a list of rings of arc indices, outer ring
    first); none for what is not a (multi)polygon."""
    if geom["type"] == "Polygon":
        return [geom["arcs"]]
    if geom["type"] == "MultiPolygon":
        return geom["arcs"]
    return []
