#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Truth recovery of one trained model on a linear-extinction mock (issue 5 criteria).

usage: truth_recovery_report.py MOCK.h5 MODEL.h5 SUMMARY.json
Prints R at the mean labels against the truth per band, the fit R = a·R_true + c, the
G-band ΔR/R(Teff) error over 4500–7000 K, the test χ²/dof numbers and the final losses.
The truth R of the linear mode depends on Teff only; it is read from the mock's own
truth/R of the stars nearest in Teff (the mock tabulates it to 1e-6).
"""
import json, sys
import h5py, numpy as np

mock, model, summary = sys.argv[1:4]
names = "G BP RP g r i z y J H Ks W1 W2".split()
f = h5py.File(mock, "r"); t = f["truth"]
teff_true = t["theta"][:, 0]; r_true = t["R"][:]; clean = t["outlier"][:] == 0
m = h5py.File(model, "r")
K = m["layers/extinction/kernel"][:]; b = m["layers/extinction/bias"][:]
med = m["normalization/median"][:]; sd = m["normalization/stddev"][:]
R = lambda theta: np.exp(((theta - med) / sd) @ K + b)
s = json.load(open(summary))
mean = np.array(s["mean_theta"])

def true_r(teff):
    near = np.argsort(np.abs(teff_true[clean] - teff))[:20]
    return np.median(r_true[clean][near], axis=0)

rt = true_r(mean[0]); rl = R(mean[None, :])[0]
print("band  R_true  R_learned  rel.err")
worst = 0.0
for i, n in enumerate(names):
    rel = rl[i] / rt[i] - 1
    if rt[i] > 0.3:
        worst = max(worst, abs(rel))
    print(f"{n:4s} {rt[i]:7.4f} {rl[i]:9.4f} {100*rel:+7.2f} %")
a, c = np.linalg.lstsq(np.vstack([rt, np.ones(13)]).T, rl, rcond=None)[0]
print(f"fit: R_learned = {a:.4f} R_true {c:+.4f}; worst |rel.err| over bands with R > 0.3: {100*worst:.2f} %")
T = np.arange(4500, 7001, 100.0)
lab = np.column_stack([T, np.full(T.size, mean[1]), np.full(T.size, mean[2])])
drr_l = R(lab)[:, 0] / rl[0] - 1
drr_t = np.array([true_r(x)[0] for x in T]) / rt[0] - 1
print(f"G-band dR/R: worst |learned - true| over 4500-7000 K = {np.max(np.abs(drr_l - drr_t)):.4f}")
print(f"test <chi2/dof < 5> = {s['test_chi2_dof_below5']:.4f}, above 5: {100*s['test_frac_above5']:.2f} %")
print(f"final losses: train {s['train_loss']:.4f}, validation {s['val_loss']:.4f} "
      f"({100*(s['train_loss']/s['val_loss']-1):+.2f} %); wall {s['wall_seconds']:.0f} s")
