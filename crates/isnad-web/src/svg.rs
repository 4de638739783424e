//! Geometry of the pictures the pages draw as inline SVG: bar charts, the network of
//! co-occurring actors, points on the world map. Only numbers and labels come out of
//! here; the templates write the elements (so every label is escaped).

/// The map's projection, as `scripts/build_web_assets.py` drew `static/world.svg`:
/// plate carrée, [`PX_PER_DEGREE`] pixels per degree, from 84° N down.
pub const PX_PER_DEGREE: f64 = 4.0;
/// The northern edge of the map.
pub const NORTH: f64 = 84.0;
/// Width of the map in pixels.
pub const MAP_WIDTH: f64 = 1440.0;
/// Height of the map in pixels (84° N to 58° S).
pub const MAP_HEIGHT: f64 = 568.0;

/// Projects a point to the map's pixel coordinates.
pub fn project(lat: f64, lon: f64) -> (f64, f64) {
    ((lon + 180.0) * PX_PER_DEGREE, (NORTH - lat) * PX_PER_DEGREE)
}

/// A point of the map.
pub struct MapPoint {
    /// x in map pixels.
    pub x: String,
    /// y in map pixels.
    pub y: String,
    /// Radius.
    pub r: String,
    /// The tooltip.
    pub label: String,
}

/// The part of the map to show: a box around the points (with a margin), never
/// smaller than 40° × 25°, else the whole map. Returns `x y w h` for `viewBox`.
pub fn map_view(points: &[(f64, f64)]) -> String {
    if points.is_empty() {
        return format!("0 0 {MAP_WIDTH} {MAP_HEIGHT}");
    }
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for &(x, y) in points {
        x0 = x0.min(x);
        y0 = y0.min(y);
        x1 = x1.max(x);
        y1 = y1.max(y);
    }
    let margin = 8.0 * PX_PER_DEGREE;
    let (mut w, mut h) = (x1 - x0 + 2.0 * margin, y1 - y0 + 2.0 * margin);
    let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    w = w.max(40.0 * PX_PER_DEGREE);
    h = h.max(25.0 * PX_PER_DEGREE);
    // Keep the map's aspect ratio roughly (wide pictures).
    if w / h < 1.6 {
        w = h * 1.6;
    } else {
        h = w / 1.6;
    }
    w = w.min(MAP_WIDTH);
    h = h.min(MAP_HEIGHT);
    let x = (cx - w / 2.0).clamp(0.0, MAP_WIDTH - w);
    let y = (cy - h / 2.0).clamp(0.0, MAP_HEIGHT - h);
    format!("{x:.0} {y:.0} {w:.0} {h:.0}")
}

/// A bar of a chart, possibly stacked: segments from the bottom up.
pub struct Bar {
    /// x of the bar.
    pub x: String,
    /// Width.
    pub w: String,
    /// Segments: (y, height, css class, tooltip).
    pub segments: Vec<(String, String, String, String)>,
    /// The axis label under the bar, if any (not every bar has one).
    pub label: Option<String>,
    /// The label's x (the bar's middle).
    pub label_x: String,
}

/// Width of charts in SVG units.
pub const CHART_WIDTH: f64 = 900.0;
/// Height of the bars' area.
pub const CHART_HEIGHT: f64 = 160.0;

/// A segment of a stacked bar: value, css class, tooltip.
pub type Segment = (u64, String, String);

/// A column of a bar chart: its label and its segments, bottom up.
pub type Column = (String, Vec<Segment>);

/// Stacked bars: for each column a label and its segments (value, class, tooltip).
/// Columns are drawn right to left (the page is right to left): the first column is
/// at the right edge. Every `label_every`-th column gets its label.
pub fn stacked_bars(columns: &[Column]) -> (Vec<Bar>, u64) {
    let max = columns
        .iter()
        .map(|(_, s)| s.iter().map(|x| x.0).sum::<u64>())
        .max()
        .unwrap_or(0)
        .max(1);
    let n = columns.len().max(1) as f64;
    let step = CHART_WIDTH / n;
    let w = (step * 0.8).clamp(1.0, 60.0);
    let label_every = ((columns.len() as f64) / 12.0).ceil().max(1.0) as usize;
    let bars = columns
        .iter()
        .enumerate()
        .map(|(i, (label, segs))| {
            let x = CHART_WIDTH - (i as f64 + 1.0) * step + (step - w) / 2.0;
            let mut y = CHART_HEIGHT;
            let segments = segs
                .iter()
                .filter(|s| s.0 > 0)
                .map(|(v, class, tip)| {
                    let h = *v as f64 / max as f64 * CHART_HEIGHT;
                    y -= h;
                    (
                        format!("{y:.1}"),
                        format!("{h:.1}"),
                        class.clone(),
                        tip.clone(),
                    )
                })
                .collect();
            Bar {
                x: format!("{x:.1}"),
                w: format!("{w:.1}"),
                segments,
                label: (i % label_every == 0).then(|| label.clone()),
                label_x: format!("{:.1}", x + w / 2.0),
            }
        })
        .collect();
    (bars, max)
}

/// A node of the co-occurrence network.
pub struct Node {
    /// Centre x.
    pub x: String,
    /// Centre y.
    pub y: String,
    /// Radius.
    pub r: String,
    /// Line width of the edge from the centre.
    pub weight: String,
    /// Actor id (empty for the centre).
    pub id: String,
    /// Name.
    pub name: String,
    /// `PER`, ...
    pub kind: String,
    /// Articles shared with the centre.
    pub articles: u64,
    /// Label position.
    pub label_y: String,
}

/// Size of the network picture.
pub const NETWORK_SIZE: f64 = 420.0;

/// Places the co-occurring actors on a circle around the centre, bigger and with
/// thicker edges for more shared articles.
pub fn network(others: &[(String, String, String, u64)]) -> Vec<Node> {
    let c = NETWORK_SIZE / 2.0;
    let radius = c - 60.0;
    let max = others.iter().map(|o| o.3).max().unwrap_or(1).max(1) as f64;
    let n = others.len().max(1) as f64;
    others
        .iter()
        .enumerate()
        .map(|(i, (id, name, kind, articles))| {
            let angle = -std::f64::consts::FRAC_PI_2 + i as f64 * std::f64::consts::TAU / n;
            let (x, y) = (c + radius * angle.cos(), c + radius * angle.sin());
            let share = *articles as f64 / max;
            Node {
                x: format!("{x:.1}"),
                y: format!("{y:.1}"),
                r: format!("{:.1}", 5.0 + 9.0 * share.sqrt()),
                weight: format!("{:.1}", 0.8 + 5.0 * share),
                id: id.clone(),
                name: name.clone(),
                kind: kind.clone(),
                articles: *articles,
                label_y: format!("{:.1}", if y < c { y - 18.0 } else { y + 26.0 }),
            }
        })
        .collect()
}

/// The colour class of an event type (a fixed palette, the same on every page).
pub fn type_class(kind: &str) -> String {
    let i = crate::EVENT_TYPES
        .iter()
        .position(|t| *t == kind)
        .unwrap_or(crate::EVENT_TYPES.len());
    format!("c{}", i % 12)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projects_as_the_asset_script() {
        // Riyadh: 24.69 N, 46.72 E.
        let (x, y) = project(24.69, 46.72);
        assert_eq!((x.round(), y.round()), (907.0, 237.0));
        assert_eq!(project(84.0, -180.0), (0.0, 0.0));
        assert_eq!(project(-58.0, 180.0), (MAP_WIDTH, MAP_HEIGHT));
    }

    #[test]
    fn map_view_frames_the_points() {
        assert_eq!(map_view(&[]), "0 0 1440 568");
        let riyadh = project(24.69, 46.72);
        let v: Vec<f64> = map_view(&[riyadh])
            .split(' ')
            .map(|x| x.parse().unwrap())
            .collect();
        assert!(v[0] <= riyadh.0 && riyadh.0 <= v[0] + v[2]);
        assert!(v[1] <= riyadh.1 && riyadh.1 <= v[1] + v[3]);
    }

    #[test]
    fn bars_are_scaled_to_the_largest_column() {
        let (bars, max) = stacked_bars(&[
            ("a".into(), vec![(2, "c0".into(), "t".into())]),
            (
                "b".into(),
                vec![(1, "c0".into(), "t".into()), (3, "c1".into(), "t".into())],
            ),
        ]);
        assert_eq!(max, 4);
        assert_eq!(bars.len(), 2);
        assert_eq!(bars[1].segments.len(), 2);
        assert_eq!(bars[1].segments[1].0, "0.0");
        // Right to left: the first column is on the right.
        let x0: f64 = bars[0].x.parse().unwrap();
        let x1: f64 = bars[1].x.parse().unwrap();
        assert!(x0 > x1);
    }
}
