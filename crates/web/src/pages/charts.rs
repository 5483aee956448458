//! Charts drawn on the server as SVG, so they need no script and print
//! well: the world map of corridors and partners, and bars per year. Each
//! comes with a text alternative.

use std::collections::HashMap;
use std::fmt::Write;
use std::sync::OnceLock;

use passerelle_domain::{Lang, reference};
use passerelle_search::SearchRequest;

use super::i18n;
use super::view::escape;
use crate::AppState;
use crate::error::ApiResult;

const WIDTH: f64 = 1000.0;
/// Latitudes shown: Antarctica and the far north are left out.
const NORTH: f64 = 84.0;
const SOUTH: f64 = -58.0;
const HEIGHT: f64 = (NORTH - SOUTH) / 360.0 * WIDTH;

/// Equirectangular projection to the SVG's coordinates.
fn project(lon: f64, lat: f64) -> (f64, f64) {
    ((lon + 180.0) / 360.0 * WIDTH, (NORTH - lat) / 360.0 * WIDTH)
}

struct World {
    /// ISO numeric code → SVG path data.
    paths: Vec<(String, String)>,
    /// ISO numeric code → a point inside the country's largest ring.
    centres: HashMap<String, (f64, f64)>,
    /// ISO numeric code → the box around its largest ring `(x0, y0, x1,
    /// y1)`: what a zoomed map frames (overseas territories are not).
    boxes: HashMap<String, (f64, f64, f64, f64)>,
}

/// Reads the TopoJSON (quantized, delta-encoded arcs; a negative index
/// `!i` is arc `i` reversed) into projected paths, once.
fn world() -> &'static World {
    static WORLD: OnceLock<World> = OnceLock::new();
    WORLD.get_or_init(|| {
        let topo: serde_json::Value = serde_json::from_str(include_str!(
            "../../assets/vendor/world-atlas/countries-110m.json"
        ))
        .expect("the vendored map parses");
        let scale = &topo["transform"]["scale"];
        let translate = &topo["transform"]["translate"];
        let (sx, sy) = (
            scale[0].as_f64().unwrap_or(1.0),
            scale[1].as_f64().unwrap_or(1.0),
        );
        let (tx, ty) = (
            translate[0].as_f64().unwrap_or(0.0),
            translate[1].as_f64().unwrap_or(0.0),
        );
        let arcs: Vec<Vec<(f64, f64)>> = topo["arcs"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|arc| {
                let (mut x, mut y) = (0i64, 0i64);
                arc.as_array()
                    .into_iter()
                    .flatten()
                    .map(|p| {
                        x += p[0].as_i64().unwrap_or(0);
                        y += p[1].as_i64().unwrap_or(0);
                        project(x as f64 * sx + tx, y as f64 * sy + ty)
                    })
                    .collect()
            })
            .collect();
        let ring = |indices: &serde_json::Value| -> Vec<(f64, f64)> {
            let mut points: Vec<(f64, f64)> = Vec::new();
            for i in indices
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|i| i.as_i64())
            {
                let (arc, reversed) = if i < 0 {
                    (!i as usize, true)
                } else {
                    (i as usize, false)
                };
                let Some(arc) = arcs.get(arc) else { continue };
                let mut pts = arc.clone();
                if reversed {
                    pts.reverse();
                }
                let skip = usize::from(!points.is_empty());
                points.extend(pts.into_iter().skip(skip));
            }
            points
        };
        let mut paths = Vec::new();
        let mut centres = HashMap::new();
        let mut boxes = HashMap::new();
        for g in topo["objects"]["countries"]["geometries"]
            .as_array()
            .into_iter()
            .flatten()
        {
            let Some(id) = g["id"].as_str() else { continue };
            let polygons: Vec<&serde_json::Value> = match g["type"].as_str() {
                Some("Polygon") => vec![&g["arcs"]],
                Some("MultiPolygon") => g["arcs"].as_array().into_iter().flatten().collect(),
                _ => continue,
            };
            let mut d = String::new();
            let mut largest = (0.0, (0.0, 0.0), (0.0, 0.0, 0.0, 0.0));
            for polygon in polygons {
                for (n, r) in polygon.as_array().into_iter().flatten().enumerate() {
                    let mut pts = ring(r);
                    if pts.len() < 3 {
                        continue;
                    }
                    unwrap_antimeridian(&mut pts);
                    // Whole units of a 1000-wide map are finer than a
                    // pixel on most screens, and halve the bytes.
                    let mut last = (i64::MIN, i64::MIN);
                    for (k, (x, y)) in pts.iter().enumerate() {
                        let p = (x.round() as i64, y.round() as i64);
                        if p == last {
                            continue;
                        }
                        let _ = write!(d, "{}{} {}", if k == 0 { "M" } else { "L" }, p.0, p.1);
                        last = p;
                    }
                    d.push('Z');
                    if n == 0 {
                        let (min_x, max_x, min_y, max_y) = pts.iter().fold(
                            (f64::MAX, f64::MIN, f64::MAX, f64::MIN),
                            |(a, b, c, e), &(x, y)| (a.min(x), b.max(x), c.min(y), e.max(y)),
                        );
                        let area = (max_x - min_x) * (max_y - min_y);
                        if area > largest.0 {
                            largest = (
                                area,
                                ((min_x + max_x) / 2.0, (min_y + max_y) / 2.0),
                                (min_x, min_y, max_x, max_y),
                            );
                        }
                    }
                }
            }
            centres.insert(id.to_string(), largest.1);
            boxes.insert(id.to_string(), largest.2);
            paths.push((id.to_string(), d));
        }
        World {
            paths,
            centres,
            boxes,
        }
    })
}

/// A ring that crosses the 180th meridian (Russia's far east, Fiji)
/// would be drawn with a line across the whole map: its points on the
/// side with fewer of them are moved a map's width over, off the edge.
fn unwrap_antimeridian(pts: &mut [(f64, f64)]) {
    let crosses = pts
        .windows(2)
        .any(|w| (w[1].0 - w[0].0).abs() > WIDTH / 2.0);
    if !crosses {
        return;
    }
    let east = pts.iter().filter(|p| p.0 >= WIDTH / 2.0).count();
    let shift_west_side = east * 2 >= pts.len();
    for p in pts.iter_mut() {
        if shift_west_side && p.0 < WIDTH / 2.0 {
            p.0 += WIDTH;
        } else if !shift_west_side && p.0 >= WIDTH / 2.0 {
            p.0 -= WIDTH;
        }
    }
}

fn centre(alpha2: &str) -> Option<(f64, f64)> {
    let c = reference::country(alpha2)?;
    world().centres.get(&c.numeric).copied()
}

/// The region a map shows: the whole world, or the box around some
/// countries' main shapes with a margin, widened to the map's proportions
/// and never smaller than about a sixth of the world's width, so that a
/// corridor between neighbours still shows where it lies.
fn frame(countries: &[&str]) -> (f64, f64, f64, f64) {
    let whole = (0.0, 0.0, WIDTH, HEIGHT);
    let boxes: Vec<(f64, f64, f64, f64)> = countries
        .iter()
        .filter_map(|a| reference::country(a))
        .filter_map(|c| world().boxes.get(&c.numeric).copied())
        .collect();
    let Some(first) = boxes.first().copied() else {
        return whole;
    };
    let (x0, y0, x1, y1) = boxes.iter().fold(first, |b, c| {
        (b.0.min(c.0), b.1.min(c.1), b.2.max(c.2), b.3.max(c.3))
    });
    let margin = 0.12 * (x1 - x0).max(y1 - y0) + 8.0;
    let (mut w, mut h) = (x1 - x0 + 2.0 * margin, y1 - y0 + 2.0 * margin);
    w = w.max(WIDTH / 6.0);
    // The world map's own proportions, so the figure keeps its size.
    let ratio = WIDTH / HEIGHT;
    if w / h > ratio {
        h = w / ratio;
    } else {
        w = h * ratio;
    }
    if w >= WIDTH || h >= HEIGHT {
        return whole;
    }
    let cx = ((x0 + x1) / 2.0).clamp(w / 2.0, WIDTH - w / 2.0);
    let cy = ((y0 + y1) / 2.0).clamp(h / 2.0, HEIGHT - h / 2.0);
    (cx - w / 2.0, cy - h / 2.0, w, h)
}

/// What a map shows: `focus` countries (the country of a profile, the two
/// of a corridor) and `others` filled, a line for each `(a, b, count)`
/// link that opens the list of those agreements, names on the countries
/// when `zoom` frames them, and a legend under it; `label` is its
/// accessible name. The lines' counts are the lists' totals
/// (`data-count`, checked by the crawl test).
struct Map<'a> {
    focus: &'a [&'a str],
    others: &'a [&'a str],
    links: &'a [(String, String, u64)],
    label: &'a str,
    zoom: bool,
}

fn map_svg(map: &Map, lang: Lang) -> String {
    let name = |c: &str| {
        reference::country(c)
            .map(|c| c.names.get(lang).to_string())
            .unwrap_or_else(|| c.to_string())
    };
    let all: Vec<&str> = map.focus.iter().chain(map.others).copied().collect();
    let (vx, vy, vw, vh) = if map.zoom {
        frame(&all)
    } else {
        (0.0, 0.0, WIDTH, HEIGHT)
    };
    // Sizes in map units that read the same at every zoom.
    let k = vw / WIDTH;
    let mut svg = String::with_capacity(90_000);
    let _ = write!(
        svg,
        "<svg class=\"world{}\" viewBox=\"{vx:.1} {vy:.1} {vw:.1} {vh:.1}\" role=\"group\" aria-labelledby=\"map-title\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"map-title\">{}</title><g class=\"land\">",
        if map.zoom { " zoomed" } else { "" },
        escape(map.label)
    );
    let numeric = |list: &[&str]| -> Vec<String> {
        list.iter()
            .filter_map(|a| reference::country(a).map(|c| c.numeric.clone()))
            .collect()
    };
    let (focus, lit) = (numeric(map.focus), numeric(map.others));
    for (id, d) in &world().paths {
        let class = if focus.contains(id) {
            " class=\"focus\""
        } else if lit.contains(id) {
            " class=\"lit\""
        } else {
            ""
        };
        let _ = write!(svg, "<path{class} d=\"{d}\"/>");
    }
    svg.push_str("</g><g class=\"links\">");
    let max = map.links.iter().map(|l| l.2).max().unwrap_or(1).max(1) as f64;
    for (a, b, n) in map.links {
        let (Some((x1, y1)), Some((x2, y2))) = (centre(a), centre(b)) else {
            continue;
        };
        // A gentle arc, so that lines sharing a country stay apart.
        let (mx, my) = (
            (x1 + x2) / 2.0,
            (y1 + y2) / 2.0 - ((x2 - x1).abs() + (y2 - y1).abs()) * 0.15,
        );
        let w = (1.0 + 4.0 * (*n as f64 / max)) * k.max(0.35);
        // The line is a link: named for screen readers as on hover.
        let tip = escape(&format!(
            "{} – {}: {}",
            name(a),
            name(b),
            i18n::tr(lang, "country-partner-count", &[("count", (*n).into())])
        ));
        let _ = write!(
            svg,
            "<a href=\"/{}/agreements?corridor={a}-{b},{b}-{a}\" data-count=\"{n}\" aria-label=\"{tip}\"><path d=\"M{x1:.1} {y1:.1}Q{mx:.1} {my:.1} {x2:.1} {y2:.1}\" stroke-width=\"{w:.2}\"><title>{tip}</title></path></a>",
            lang.code(),
        );
    }
    svg.push_str("</g>");
    if map.zoom {
        // Names last, over the lines, with a halo to stay legible; about
        // 11 px where the figure is 450 px wide. The focus is named first,
        // then the partners from the largest country down: a small
        // country's long name would spill over its neighbour (the
        // Emirates over Saudi Arabia) and read as the neighbour's. A name
        // that would cover one already placed is left to the line's
        // tooltip and the list.
        let size = 24.0 * k;
        let area = |c: &&str| {
            reference::country(c)
                .and_then(|c| world().boxes.get(&c.numeric))
                .map_or(0.0, |b| (b.2 - b.0) * (b.3 - b.1))
        };
        let mut partners: Vec<&str> = map.others.to_vec();
        partners.sort_by(|a, b| area(b).total_cmp(&area(a)));
        let mut placed: Vec<(f64, f64, f64, f64)> = Vec::new();
        svg.push_str("<g class=\"names\">");
        for (i, c) in map.focus.iter().chain(&partners).enumerate() {
            let Some((x, y)) = centre(c) else { continue };
            let half = 0.3 * size * name(c).chars().count() as f64 + size * 0.2;
            let b = (x - half, y - size * 0.6, x + half, y + size * 0.6);
            if placed
                .iter()
                .any(|p| b.0 < p.2 && p.0 < b.2 && b.1 < p.3 && p.1 < b.3)
            {
                continue;
            }
            placed.push(b);
            let class = if i < map.focus.len() {
                " class=\"focus\""
            } else {
                ""
            };
            let _ = write!(
                svg,
                "<text{class} x=\"{x:.1}\" y=\"{y:.1}\" font-size=\"{size:.1}\" stroke-width=\"{:.2}\">{}</text>",
                size / 4.0,
                escape(&name(c))
            );
        }
        svg.push_str("</g>");
    }
    svg.push_str("</svg>");
    // The legend, in the page's language and direction.
    let focus_names: Vec<String> = map.focus.iter().map(|c| name(c)).collect();
    let _ = write!(svg, "<ul class=\"map-legend\">");
    if !focus_names.is_empty() {
        let _ = write!(
            svg,
            "<li><span class=\"swatch focus\"></span> <bdi>{}</bdi></li>",
            escape(&focus_names.join(" · "))
        );
    }
    let others = if map.focus.is_empty() {
        "map-legend-countries"
    } else {
        "map-legend-partners"
    };
    if !map.others.is_empty() {
        let _ = write!(
            svg,
            "<li><span class=\"swatch lit\"></span> {}</li>",
            escape(&i18n::tr(lang, others, &[]))
        );
    }
    if !map.links.is_empty() {
        let _ = write!(
            svg,
            "<li><span class=\"swatch line\"></span> {}</li>",
            escape(&i18n::tr(lang, "map-legend-lines", &[]))
        );
    }
    svg.push_str("</ul>");
    svg
}

/// Pairs of countries with agreements between them, either way (a
/// corridor one way or the other; co-origins of one programme are no
/// pair), the pairs of `country` when given, most agreements first: the
/// records' own `pair` facet, so each agreement counts once, as in `GET
/// /api/v1/agreements?corridor=A-B,B-A`, the list its links open.
pub fn pairs(
    state: &AppState,
    lang: Lang,
    country: Option<&str>,
    most: usize,
) -> ApiResult<Vec<(String, String, u64)>> {
    let mut filters = vec![("kind".to_string(), "agreements".to_string())];
    if let Some(c) = country {
        filters.push(("country".into(), c.to_string()));
    }
    let req = SearchRequest {
        filters,
        limit: 1,
        count: false,
        facet_values: 400,
        lang,
        ..SearchRequest::default()
    };
    let results = state.search.search(&req)?;
    let mut out: Vec<(String, String, u64)> = results
        .facets
        .get("pair")
        .into_iter()
        .flatten()
        .filter_map(|c| {
            let (a, b) = c.code.split_once('-')?;
            (country.is_none_or(|x| x == a || x == b))
                .then(|| (a.to_string(), b.to_string(), c.count))
        })
        .collect();
    out.sort_by(|x, y| y.2.cmp(&x.2).then_with(|| (&x.0, &x.1).cmp(&(&y.0, &y.1))));
    out.truncate(most);
    Ok(out)
}

/// The home page's map: the pairs of countries with the most agreements.
pub fn corridor_map(state: &AppState, lang: Lang) -> ApiResult<String> {
    let links = pairs(state, lang, None, 60)?;
    let mut countries: Vec<&str> = Vec::new();
    for c in links.iter().flat_map(|l| [l.0.as_str(), l.1.as_str()]) {
        if !countries.contains(&c) {
            countries.push(c);
        }
    }
    let label = i18n::tr(lang, "home-map", &[]);
    Ok(map_svg(
        &Map {
            focus: &[],
            others: &countries,
            links: &links,
            label: &label,
            zoom: false,
        },
        lang,
    ))
}

/// A country's partners, or (`only`) one corridor's two countries, on a
/// map framed around them; `pairs` are the country's [`pairs`], each line
/// counting the agreements between two countries either way, as its
/// link's list does.
pub fn partners_map(
    country: &str,
    only: Option<&str>,
    pairs: &[(String, String, u64)],
    lang: Lang,
) -> String {
    let links: Vec<(String, String, u64)> = pairs
        .iter()
        .filter(|(a, b, _)| only.is_none_or(|o| a == o || b == o))
        .cloned()
        .collect();
    let mut others: Vec<&str> = links
        .iter()
        .map(|(a, b, _)| if a == country { b.as_str() } else { a.as_str() })
        .collect();
    let focus: Vec<&str> = match only {
        Some(o) => {
            others.retain(|c| *c != o);
            vec![country, o]
        }
        None => vec![country],
    };
    let label = i18n::tr(lang, "country-partners", &[]);
    map_svg(
        &Map {
            focus: &focus,
            others: &others,
            links: &links,
            label: &label,
            zoom: true,
        },
        lang,
    )
}

/// Vertical bars, one per year from the first to the last, with the
/// figures in a table for screen readers and print.
pub fn bars(per_year: &[(i64, u64)], label: &str, lang: Lang) -> String {
    let Some(first) = per_year.iter().map(|p| p.0).min() else {
        return String::new();
    };
    let last = per_year.iter().map(|p| p.0).max().unwrap_or(first);
    let years = (last - first + 1) as f64;
    let top = per_year.iter().map(|p| p.1).max().unwrap_or(1).max(1);
    let max = top as f64;
    let num = |n: u64| super::view::format_number(lang, n as f64);
    // Widths of figures in the chart's 12 and 11 px text: a digit is
    // about 0.6 em.
    let width_of = |n: u64, px: f64| num(n).chars().count() as f64 * px * 0.6;
    // Room on the left for the scale's largest figure (11 800 000 000 as
    // well as 3), above the bars for their values.
    let (w, h, right, above) = (600.0, 160.0, 16.0, 18.0);
    let left = (width_of(top, 12.0) + 14.0).max(40.0);
    // One bar is a bar, not a block across the chart.
    let bw = ((w - left - right) / years).min(48.0);
    let span = bw * years;
    let x0 = left + ((w - left - right) - span) / 2.0;
    // Years and numbers read left to right on every page: an Arabic
    // page's right-to-left direction would push them out of the frame.
    let mut svg = format!(
        "<svg class=\"bars\" viewBox=\"0 0 {w} {}\" direction=\"ltr\" role=\"img\" aria-label=\"{}\" xmlns=\"http://www.w3.org/2000/svg\">",
        h + above + 30.0,
        escape(label)
    );
    let base = h + above;
    let _ = write!(
        svg,
        "<line class=\"axis\" x1=\"{left}\" y1=\"{base}\" x2=\"{}\" y2=\"{base}\"/><line class=\"axis\" x1=\"{left}\" y1=\"{above}\" x2=\"{left}\" y2=\"{base}\"/><text class=\"scale\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text><text class=\"scale\" x=\"{}\" y=\"{base}\" text-anchor=\"end\">0</text>",
        w - right,
        left - 6.0,
        above + 4.0,
        num(top),
        left - 6.0,
    );
    // Values over the bars when the widest fits over its bar; otherwise
    // they are in the tooltips and the table beside the chart.
    let values = per_year.iter().all(|p| width_of(p.1, 11.0) + 2.0 <= bw);
    for &(year, n) in per_year {
        let x = x0 + (year - first) as f64 * bw;
        let bh = (n as f64 / max) * h;
        let _ = write!(
            svg,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{bh:.1}\"><title>{year}: {}</title></rect>",
            x + bw * 0.1,
            base - bh,
            (bw * 0.8).max(1.0),
            num(n),
        );
        if values {
            let _ = write!(
                svg,
                "<text class=\"value\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
                x + bw / 2.0,
                base - bh - 4.0,
                num(n)
            );
        }
    }
    let _ = write!(
        svg,
        "<text x=\"{x0:.1}\" y=\"{}\">{first}</text>",
        base + 20.0
    );
    if last != first {
        let _ = write!(
            svg,
            "<text x=\"{:.1}\" y=\"{}\" text-anchor=\"end\">{last}</text>",
            x0 + span,
            base + 20.0
        );
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_country_with_a_shape_has_a_centre_on_the_map() {
        let w = world();
        assert!(w.paths.len() > 150, "{} shapes", w.paths.len());
        let (x, y) = centre("MA").expect("Morocco is on the map");
        // Morocco is north-west of Africa: a little west of Greenwich.
        assert!(
            (450.0..500.0).contains(&x) && (130.0..170.0).contains(&y),
            "{x} {y}"
        );
    }

    #[test]
    fn a_corridor_map_frames_its_countries_names_them_and_has_a_legend() {
        let links = vec![("MA".to_string(), "ES".to_string(), 2)];
        let svg = map_svg(
            &Map {
                focus: &["MA", "ES"],
                others: &[],
                links: &links,
                label: "x",
                zoom: true,
            },
            Lang::Fr,
        );
        let vb: Vec<f64> = svg
            .split("viewBox=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .unwrap()
            .split(' ')
            .map(|v| v.parse().unwrap())
            .collect();
        // Zoomed in, and both countries' centres inside the frame.
        assert!(vb[2] < WIDTH / 3.0, "{vb:?}");
        for c in ["MA", "ES"] {
            let (x, y) = centre(c).unwrap();
            assert!(
                (vb[0]..vb[0] + vb[2]).contains(&x) && (vb[1]..vb[1] + vb[3]).contains(&y),
                "{c} outside {vb:?}"
            );
        }
        assert!(svg.contains(">Maroc</text>") && svg.contains(">Espagne</text>"));
        // The line opens the list it counts.
        assert!(
            svg.contains("<a href=\"/fr/agreements?corridor=MA-ES,ES-MA\" data-count=\"2\" aria-label=\"Maroc – Espagne: "),
            "{svg}"
        );
        assert!(svg.contains("<ul class=\"map-legend\">"));
        // Where names would collide, the larger country keeps its name:
        // the Emirates' long name must not stand over Saudi Arabia.
        let links = vec![
            ("MA".to_string(), "AE".to_string(), 1),
            ("MA".to_string(), "SA".to_string(), 1),
        ];
        let gulf = map_svg(
            &Map {
                focus: &["MA"],
                others: &["AE", "SA"],
                links: &links,
                label: "x",
                zoom: true,
            },
            Lang::Fr,
        );
        let saudi = reference::country("SA")
            .unwrap()
            .names
            .get(Lang::Fr)
            .to_string();
        assert!(gulf.contains(&format!(">{saudi}</text>")), "{saudi}");
        // The whole world when nothing is named.
        assert_eq!(frame(&[]), (0.0, 0.0, WIDTH, HEIGHT));
    }

    #[test]
    fn bars_span_every_year() {
        let svg = bars(&[(2001, 2), (2005, 4)], "x", Lang::Fr);
        assert_eq!(svg.matches("<rect").count(), 2);
        assert!(svg.contains(">2001<") && svg.contains(">2005<"));
    }

    #[test]
    fn bars_have_a_scale_values_and_a_left_to_right_frame() {
        let svg = bars(&[(2013, 18_499), (2014, 19_798)], "x", Lang::Fr);
        assert!(
            svg.contains("direction=\"ltr\""),
            "Arabic pages keep the years in the frame"
        );
        assert!(
            svg.contains(">19\u{202f}798</text>"),
            "the top of the scale, as French writes it: {svg}"
        );
        assert!(svg.contains(">0</text>"));
        // A large scale figure gets the room it needs on the left.
        let big = bars(
            &[(2019, 11_800_000_000), (2020, 9_000_000_000)],
            "x",
            Lang::Fr,
        );
        let first_bar: f64 = big
            .split("<rect x=\"")
            .nth(1)
            .and_then(|v| v.split('"').next())
            .and_then(|v| v.parse().ok())
            .unwrap();
        assert!(first_bar > 14.0 * 12.0 * 0.6, "{big}");
        assert!(
            !big.contains("class=\"value\""),
            "too wide to stand over the bars"
        );
        assert!(svg.contains("class=\"value\""), "values over the bars");
        // One year: one narrow bar, not a block across the chart.
        let one = bars(&[(2022, 5)], "x", Lang::Ar);
        let width: f64 = one
            .split("<rect")
            .nth(1)
            .and_then(|r| r.split("width=\"").nth(1))
            .and_then(|v| v.split('"').next())
            .and_then(|v| v.parse().ok())
            .unwrap();
        assert!(width < 60.0, "{width}");
    }
}
