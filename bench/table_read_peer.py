#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a cross-match-like table in FITS, CSV, ECSV and VOTable (BINARY2) with Astropy, and
times Astropy's own reading of each, for the same-run comparison with bench_table_read
(issue 15, docs/PERFORMANCE.md). Run with Debian's Python (python3-astropy):

    /usr/bin/python3 bench/table_read_peer.py OUTDIR [ROWS] [--write-only]

Columns as a survey cross-match has them: a 64-bit source_id, positions, parallax, Gaia,
PS1, 2MASS and unWISE magnitudes with errors (float32), labels, a flag (int16) with nulls,
and a survey name; 5 % of the magnitudes masked.
"""
import os
import sys
import time

import numpy as np
from astropy.table import MaskedColumn, Table


def make(rows, seed=15):
    rng = np.random.default_rng(seed)
    t = Table()
    t["source_id"] = rng.integers(1, 2**62, rows, dtype=np.int64)
    t["ra"] = rng.uniform(0, 360, rows)
    t["dec"] = rng.uniform(-90, 90, rows)
    t["parallax"] = rng.normal(1.0, 0.5, rows).astype(np.float32)
    t["parallax_error"] = rng.uniform(0.01, 0.2, rows).astype(np.float32)
    for band in ["g", "bp", "rp", "ps_g", "ps_r", "ps_i", "ps_z", "ps_y", "j", "h", "ks", "w1", "w2"]:
        mag = rng.normal(15, 1.5, rows).astype(np.float32)
        t[band] = MaskedColumn(mag, mask=rng.random(rows) < 0.05, unit="mag")
        t[band + "_err"] = rng.uniform(0.001, 0.1, rows).astype(np.float32)
    t["teff"] = rng.normal(5500, 700, rows).astype(np.float32)
    t["logg"] = rng.normal(3.8, 0.8, rows).astype(np.float32)
    t["feh"] = rng.normal(-0.2, 0.3, rows).astype(np.float32)
    t["flag"] = MaskedColumn(rng.integers(0, 100, rows).astype(np.int16), mask=rng.random(rows) < 0.01)
    t["survey"] = np.array(["LAMOST", "APOGEE", "GALAH"])[rng.integers(0, 3, rows)]
    return t


def main(argv):
    if not argv:
        print(__doc__)
        return 2
    out = argv[0]
    rows = int(argv[1]) if len(argv) > 1 and argv[1].isdigit() else 1_000_000
    os.makedirs(out, exist_ok=True)
    files = {
        "FITS": (os.path.join(out, "xmatch.fits"), {}),
        "CSV": (os.path.join(out, "xmatch.csv"), {"format": "ascii.csv"}),
        "ECSV": (os.path.join(out, "xmatch.ecsv"), {"format": "ascii.ecsv"}),
        "VOTable BINARY2": (os.path.join(out, "xmatch.vot"), {"format": "votable", "tabledata_format": "binary2"}),
    }
    t = make(rows)
    for name, (path, kw) in files.items():
        if not os.path.exists(path):
            start = time.perf_counter()
            if name.startswith("VOTable"):
                # A masked integer in a binary stream needs the field's VALUES null.
                from astropy.io.votable import from_table, writeto
                votable = from_table(t)
                for field in votable.get_first_table().fields:
                    if field.name == "flag":
                        field.values.null = -1
                writeto(votable, path, tabledata_format=kw["tabledata_format"])
            else:
                t.write(path, overwrite=True, **kw)
            print("wrote %s: %s, %.0f MB in %.1f s" % (name, path, os.path.getsize(path) / 1e6,
                                                    time.perf_counter() - start), flush=True)
    if "--write-only" in argv:
        return 0
    for name, (path, kw) in files.items():
        read_kw = {k: v for k, v in kw.items() if k == "format"}
        times = []
        for _ in range(3):
            start = time.perf_counter()
            r = Table.read(path, **read_kw)
            times.append(time.perf_counter() - start)
            assert len(r) == rows
            del r
        print("Astropy %s: %s rows, median %.2f s of 3, %.2f M rows/s" % (name, rows, sorted(times)[1],
                                                                       rows / sorted(times)[1] / 1e6), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
