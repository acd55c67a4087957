// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The survey tables test_import_dialog imports, written by Astropy at test time (nobody here
// wrote them): a LAMOST DDPayne × Gaia DR2 × PS1 × 2MASS × unWISE × reddening-map cross-match
// with the archives' column names (core/import/mapping_presets.cpp), so the presets find it.
// The small table has known defects, each failing one rule of the paper's §3:
//   row 0:  PS1 gFlags has bit 3 (8) set            → ps1_flags removes its g band
//   row 1:  2MASS ph_qual 'UAA'                      → tmass_quality removes its J band
//   row 2:  bayestar19_ebv masked (a null)           → no rule (the prior falls back)
//   row 18: qflag_chi2 'bad'                         → lamost_qflag_chi2 removes the star
//   row 19: teff_err 500 K (σ_Teff > 200 K)          → label_sigma_cut removes the star
// Every other value passes every rule. A large table (same columns, every row good) is for the
// cancel test; a random one (seeded defects) for the screenshot.
#include "tests/support/astropy_tables.h"

namespace starlocus::test {

// argv: OUT N KIND (KIND: small | good | random); the format follows OUT's suffix.
inline const char* const kImportTablePython = R"(import sys
import numpy as np
from astropy.table import Table, MaskedColumn
out, n, kind = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rng = np.random.default_rng(15)
i = np.arange(n)
j = i % 100  # values vary, and stay in range, however many rows
t = Table()
t['source_id'] = (4295806720 + 1000003 * i).astype(np.int64)
t['ra'] = np.linspace(10.0, 350.0, n); t['ra'].unit = 'deg'
t['dec'] = np.linspace(-20.0, 60.0, n); t['dec'].unit = 'deg'
t['teff'] = 5000.0 + 10.0 * j; t['teff'].unit = 'K'
t['teff_err'] = np.full(n, 50.0); t['teff_err'].unit = 'K'
t['logg'] = np.full(n, 4.2)
t['logg_err'] = np.full(n, 0.1)
t['feh'] = np.full(n, -0.1)
t['feh_err'] = np.full(n, 0.05)
for b in 'ugriz':
    t['snr_' + b] = np.full(n, 50.0)
t['qflag_chi2'] = np.array(['good'] * n)
t['flag_singlestar'] = np.array(['YES'] * n)
t['parallax'] = np.full(n, 2.0); t['parallax'].unit = 'mas'
t['parallax_error'] = np.full(n, 0.05); t['parallax_error'].unit = 'mas'
t['phot_g_mean_mag'] = 14.0 + 0.01 * j; t['phot_g_mean_mag'].unit = 'mag'
t['phot_bp_mean_mag'] = t['phot_g_mean_mag'] + 0.4; t['phot_bp_mean_mag'].unit = 'mag'
t['phot_rp_mean_mag'] = t['phot_g_mean_mag'] - 0.6; t['phot_rp_mean_mag'].unit = 'mag'
for b in ['g', 'bp', 'rp']:
    t['phot_%s_mean_flux_over_error' % b] = np.full(n, 1000.0)
t['visibility_periods_used'] = np.full(n, 12, dtype=np.int16)
t['astrometric_chi2_al'] = np.full(n, 200.0)
t['astrometric_n_good_obs_al'] = np.full(n, 300, dtype=np.int32)
t['phot_g_n_obs'] = np.full(n, 200, dtype=np.int32)
for k, b in enumerate('grizy'):
    t[b + 'MeanPSFMag'] = 14.5 - 0.2 * k + 0.01 * j; t[b + 'MeanPSFMag'].unit = 'mag'
    t[b + 'MeanPSFMagErr'] = np.full(n, 0.01); t[b + 'MeanPSFMagErr'].unit = 'mag'
    t[b + 'Flags'] = np.zeros(n, dtype=np.int32)
for b, m in [('j', 12.8), ('h', 12.4), ('k', 12.3)]:
    t[b + '_m'] = m + 0.01 * j; t[b + '_m'].unit = 'mag'
    t[b + '_msigcom'] = np.full(n, 0.02); t[b + '_msigcom'].unit = 'mag'
t['ph_qual'] = np.array(['AAA'] * n)
t['rd_flg'] = np.array(['222'] * n)
t['cc_flg'] = np.array(['000'] * n)
t['ext_key'] = MaskedColumn(np.zeros(n, dtype=np.int32), mask=np.ones(n, dtype=bool))
t['gal_contam'] = np.zeros(n, dtype=np.int16)
for w, m in [('w1', 12.2), ('w2', 12.2)]:
    flux = 10 ** ((22.5 - (m + 0.01 * j)) / 2.5)
    t['flux_' + w] = flux; t['flux_' + w].unit = 'nanomaggy'
    t['dflux_' + w] = 0.01 * flux; t['dflux_' + w].unit = 'nanomaggy'
    t['flags_unwise_' + w] = np.zeros(n, dtype=np.int32)
    t['fracflux_' + w] = np.full(n, 0.9)
    t['rchi2_' + w] = np.full(n, 1.1)
t['sfd_ebv'] = np.full(n, 0.05); t['sfd_ebv'].unit = 'mag'
t['bayestar19_ebv'] = MaskedColumn(np.full(n, 0.04), mask=np.zeros(n, dtype=bool)); t['bayestar19_ebv'].unit = 'mag'
t['bayestar19_ebv_err'] = np.full(n, 0.01); t['bayestar19_ebv_err'].unit = 'mag'
if kind == 'small':
    t['gFlags'][0] = 8
    t['ph_qual'][1] = 'UAA'
    t['bayestar19_ebv'].mask[2] = True
    t['qflag_chi2'][18] = 'bad'
    t['teff_err'][19] = 500.0
elif kind == 'random':
    t['teff'] = rng.uniform(4000.0, 7000.0, n)
    t['logg'] = rng.uniform(1.0, 4.8, n)
    t['feh'] = rng.normal(-0.2, 0.3, n)
    t['teff_err'] = rng.gamma(4.0, 20.0, n)
    t['qflag_chi2'][rng.random(n) < 0.05] = 'bad'
    t['flag_singlestar'][rng.random(n) < 0.03] = 'NO'
    for b in 'ugriz':
        t['snr_' + b] = rng.uniform(3.0, 40.0, n)
    t['visibility_periods_used'][rng.random(n) < 0.02] = 6
    t['gFlags'][rng.random(n) < 0.04] = 8
    t['ph_qual'][rng.random(n) < 0.05] = 'UBA'
    t['fracflux_w1'][rng.random(n) < 0.06] = 0.3
    t['rchi2_w2'][rng.random(n) < 0.03] = 9.0
    t['parallax'] = rng.uniform(0.1, 3.0, n)
    t['parallax_error'] = np.full(n, 0.06)
    t['bayestar19_ebv'].mask[rng.random(n) < 0.1] = True
    for name, unit in [('teff', 'K'), ('teff_err', 'K'), ('parallax', 'mas'), ('parallax_error', 'mas')]:
        t[name].unit = unit
fmt = {'ecsv': 'ascii.ecsv', 'fits': 'fits', 'csv': 'ascii.csv', 'vot': 'votable'}[out.rsplit('.', 1)[1]]
t.write(out, format=fmt, overwrite=True)
)";

// Writes the table; "" on success, else what went wrong.
inline QString writeImportTable(const QString& path, int rows, const QString& kind) {
    return runPython(QString::fromLatin1(kImportTablePython),
                     QStringLiteral("'%1' %2 %3").arg(path).arg(rows).arg(kind));
}

} // namespace starlocus::test
