# SPDX-License-Identifier: GPL-3.0-or-later
# test_raw_crossmatch: the paper's §3 rules (Green et al. 2020, §3.1-3.2; the import's order of
# docs/MOCK.md) evaluated on a mock's raw cross-match as Astropy reads it, independently of
# StarLocus's readers and rules, and compared with the mock's truth JSON: every rule's count,
# the removed stars and dropped bands one by one, and no star or band failing two rules.
# Usage: raw_crossmatch_rules.py PREFIX EXT  (exit 0 and 'OK' when all agree)
import sys, json, math, warnings
import numpy as np
from astropy.table import Table
from astropy.units import UnitsWarning
warnings.simplefilter('ignore', UnitsWarning)  # 'dex', 'nanomaggy' are not FITS units
prefix, ext = sys.argv[1], sys.argv[2]
truth = json.load(open(prefix + '_truth.json'))
counts = {r: 0 for r in truth['rule_order']}
removed = {}
dropped = {}
bad = []
def val(row, name):
    v = row[name]
    if np.ma.is_masked(v):
        return None
    return v
def num(row, name):
    v = val(row, name)
    return float('nan') if v is None else float(v)
for survey in ['lamost', 'apogee', 'galah']:
    t = Table.read(prefix + '_' + survey + ext, use_names_over_ids=True) if ext == '.vot' else Table.read(prefix + '_' + survey + ext)
    for row in t:
        idx = int(row['mock_index'])
        fails = []
        if survey == 'lamost':
            lab = [num(row, 'teff'), num(row, 'logg'), num(row, 'feh')]
            err = [num(row, 'teff_err'), num(row, 'logg_err'), num(row, 'feh_err')]
            var = [e * e for e in err]
        elif survey == 'apogee':
            lab = [num(row, 'TEFF'), num(row, 'LOGG'), num(row, 'M_H')]
            err = [num(row, 'TEFF_ERR'), num(row, 'LOGG_ERR'), num(row, 'M_H_ERR')]
            unc = [num(row, 'FPARAM_COV[0]'), num(row, 'FPARAM_COV[8]'), num(row, 'FPARAM_COV[24]')]
            # Diagonal: the larger of the calibrated and uncalibrated variances (§3.1).
            var = [max(e * e, u) for e, u in zip(err, unc)]
            err = err + [math.copysign(1.0, u) for u in unc]  # a negative variance is a defect too
        else:
            lab = [num(row, 'teff'), num(row, 'logg'), num(row, 'fe_h')]
            err = [num(row, 'e_teff'), num(row, 'e_logg'), num(row, 'e_fe_h')]
            var = [e * e for e in err]
        if any(not math.isfinite(x) for x in lab): fails.append('invalid_label')
        if any(e < 0 for e in err): fails.append('invalid_label_covariance')
        if survey == 'lamost':
            if all(num(row, 'snr_' + b) <= 20 for b in 'ugriz'): fails.append('lamost_snr')
            if row['qflag_chi2'] != 'good': fails.append('lamost_qflag_chi2')
            if row['flag_singlestar'] != 'YES': fails.append('lamost_singlestar')
        if survey == 'apogee' and (int(row['ASPCAPFLAG']) & ((1 << 7) | (1 << 23))): fails.append('apogee_star_flags')
        if survey == 'galah':
            if all(num(row, 'snr_c%d' % k) <= 20 for k in range(1, 5)): fails.append('galah_snr')
            if int(row['flag_cannon']) != 0: fails.append('galah_flag_cannon')
        floors = [10.0, 0.05, 0.03]; cuts = [200.0, 0.5, 0.5]
        if any(math.sqrt(v + f * f) > c for v, f, c in zip(var, floors, cuts)): fails.append('label_sigma_cut')
        if int(row['visibility_periods_used']) <= 8: fails.append('gaia_visibility_periods')
        G = num(row, 'phot_g_mean_mag')
        bound = 1.44 * max(1.0, math.exp(-0.4 * (G - 19.5))) if math.isfinite(G) else 1.44
        if float(row['astrometric_chi2_al']) / (int(row['astrometric_n_good_obs_al']) - 5) >= bound: fails.append('gaia_astrometric_chi2')
        if int(row['phot_g_n_obs']) <= 2: fails.append('gaia_g_n_obs')
        if val(row, 'ext_key') is not None: fails.append('tmass_extended')
        if not math.isfinite(G): fails.append('gaia_g_missing')
        if len(fails) > 1: bad.append((idx, 'several star rules', fails))
        if fails:
            counts[fails[0]] += 1; removed[idx] = fails[0]
            continue
        # bands: (name, mag, sigma, extra failing rules)
        bands = []
        for b, n in (('BP', 'bp'), ('RP', 'rp')):
            m = num(row, 'phot_%s_mean_mag' % n); foe = num(row, 'phot_%s_mean_flux_over_error' % n)
            if math.isfinite(m): bands.append((b, m, (2.5 / math.log(10)) / foe, []))
        for b in 'grizy':
            m = num(row, b + 'MeanPSFMag')
            if math.isfinite(m):
                bands.append((b, m, num(row, b + 'MeanPSFMagErr'), ['ps1_flags'] if int(row[b + 'Flags']) & 8 else []))
        for k, (b, n) in enumerate((('J', 'j'), ('H', 'h'), ('Ks', 'k'))):
            m = num(row, n + '_m')
            if math.isfinite(m):
                bands.append((b, m, num(row, n + '_msigcom'), [] if row['ph_qual'][k] in 'ABC' else ['tmass_quality']))
        for b, n, off in (('W1', 'w1', 2.699), ('W2', 'w2', 3.339)):
            f = num(row, 'flux_' + n)
            if math.isfinite(f):
                m = 22.5 - 2.5 * math.log10(f) + off if f > 0 else float('nan')
                s = 2.5 / math.log(10) * num(row, 'dflux_' + n) / f
                ex = []
                if int(row['flags_unwise_' + n]) != 0: ex.append('unwise_flags')
                if num(row, 'fracflux_' + n) <= 0.5: ex.append('unwise_fracflux')
                if num(row, 'rchi2_' + n) > 5: ex.append('unwise_rchi2')
                bands.append((b, m, s, ex))
        for b, m, s, ex in bands:
            f = []
            if not (math.isfinite(m) and -5 <= m <= 30): f.append('invalid_magnitude')
            if not s >= 0: f.append('invalid_magnitude_error')
            f += ex
            if math.sqrt(s * s + 0.0004) > 0.2: f.append('photometric_error_cut')
            if len(f) > 1: bad.append((idx, b, f))
            if f:
                counts[f[0]] += 1; dropped[(idx, b)] = f[0]
        if float(row['parallax']) / float(row['parallax_error']) < 5: counts['parallax_snr'] += 1
want = {r: truth['rules'][r]['count'] for r in truth['rule_order']}
ok = True
for r in truth['rule_order']:
    if counts[r] != want[r]:
        ok = False; print('count', r, counts[r], 'truth', want[r])
tr = {d['mock_index']: d['rule'] for d in truth['removed_stars']}
if tr != removed: ok = False; print('removed stars differ', len(tr), len(removed))
td = {(d['mock_index'], d['band']): d['rule'] for d in truth['dropped_bands']}
if td != dropped: ok = False; print('dropped bands differ', len(td), len(dropped))
for b in bad[:10]: print('more than one rule:', b)
print('OK' if ok and not bad else 'FAIL', sum(want.values()))
sys.exit(0 if ok and not bad else 1)
