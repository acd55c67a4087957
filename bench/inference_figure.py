#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Draws docs/images/inference_published.svg from bench_fit_published's --csv rows: the
photometric Teff, log g, [Fe/H] (posterior medians, Eq. 19) against the spectroscopic labels,
and E against the authors' re-fitted reddening r_fit. Plain SVG (no plotting library is
installed on the build machines): the stars binned 50 × 50 per panel (shade ∝ log count),
the 1:1 line, bias and scatter."""
import csv
import math
import statistics
import sys

PANELS = [  # (x column, y column, label, unit, low, high, ticks)
    ("teff_spec", "teff", "Teff", "K", 3500.0, 7500.0, 5),
    ("logg_spec", "logg", "log g", "dex", 0.0, 5.0, 6),
    ("feh_spec", "feh", "[Fe/H]", "dex", -1.5, 0.5, 5),
    ("r_fit", "e", "E", "mag", 0.0, 1.0, 5),
]
W, H, M = 330, 330, 58  # panel size and margin (px)


def robust(values):
    med = statistics.median(values)
    mad = statistics.median(abs(v - med) for v in values)
    return med, 1.4826 * mad


def panel(rows, x0, spec):
    xc, yc, label, unit, lo, hi, ticks = spec
    pts = [(float(r[xc]), float(r[yc])) for r in rows if r[xc] not in ("", "nan") and r[yc] not in ("", "nan")]
    size = W - M - 12
    sx = lambda v: x0 + M + (v - lo) / (hi - lo) * size
    sy = lambda v: 12 + size - (v - lo) / (hi - lo) * size
    out = [f'<rect x="{x0 + M}" y="12" width="{size}" height="{size}" fill="none" stroke="#333"/>']
    bins = 50
    counts = {}
    for x, y in pts:
        if lo <= x < hi and lo <= y < hi:
            key = (int((x - lo) / (hi - lo) * bins), int((y - lo) / (hi - lo) * bins))
            counts[key] = counts.get(key, 0) + 1
    peak = max(counts.values()) if counts else 1
    cell = size / bins
    for (i, j), n in counts.items():
        shade = 0.15 + 0.85 * math.log1p(n) / math.log1p(peak)
        out.append(f'<rect x="{x0 + M + i * cell:.1f}" y="{12 + size - (j + 1) * cell:.1f}" width="{cell:.2f}" '
                   f'height="{cell:.2f}" fill="#1f5fa8" fill-opacity="{shade:.2f}"/>')
    out.append(f'<line x1="{sx(lo):.1f}" y1="{sy(lo):.1f}" x2="{sx(hi):.1f}" y2="{sy(hi):.1f}" stroke="#c0392b" stroke-width="1.2"/>')
    for k in range(ticks):
        v = lo + (hi - lo) * k / (ticks - 1)
        text = f"{v:.0f}" if unit == "K" else f"{v:.2g}"
        out.append(f'<line x1="{sx(v):.1f}" y1="{12 + size}" x2="{sx(v):.1f}" y2="{16 + size}" stroke="#333"/>')
        out.append(f'<text x="{sx(v):.1f}" y="{30 + size}" font-size="11" text-anchor="middle">{text}</text>')
        out.append(f'<line x1="{x0 + M - 4}" y1="{sy(v):.1f}" x2="{x0 + M}" y2="{sy(v):.1f}" stroke="#333"/>')
        out.append(f'<text x="{x0 + M - 6}" y="{sy(v) + 4:.1f}" font-size="11" text-anchor="end">{text}</text>')
    xname = f"{label} (r_fit) [{unit}]" if xc == "r_fit" else f"spectroscopic {label} [{unit}]"
    out.append(f'<text x="{x0 + M + size / 2}" y="{48 + size}" font-size="13" text-anchor="middle">{xname}</text>')
    out.append(f'<text transform="translate({x0 + 16},{12 + size / 2}) rotate(-90)" font-size="13" '
               f'text-anchor="middle">photometric {label} [{unit}]</text>')
    bias, scatter = robust([y - x for x, y in pts])
    fmt = ".0f" if unit == "K" else ".3f"
    out.append(f'<text x="{x0 + M + 8}" y="30" font-size="12">{len(pts)} stars</text>')
    out.append(f'<text x="{x0 + M + 8}" y="46" font-size="12">bias {bias:+{fmt}}, scatter {scatter:{fmt}}</text>')
    return out


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: inference_figure.py ROWS.csv OUT.svg")
    rows = list(csv.DictReader(open(sys.argv[1])))
    body = []
    for i, spec in enumerate(PANELS):
        body += panel(rows, i * W, spec)
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{W * len(PANELS)}" height="{H + 10}" '
           f'font-family="DejaVu Sans, sans-serif"><rect width="100%" height="100%" fill="white"/>'
           + "".join(body) + "</svg>\n")
    open(sys.argv[2], "w").write(svg)


if __name__ == "__main__":
    main()
