// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The "physical" start of a run (TrainingConfig::initialization): R from theory, the
// B·M biases from the data, so that training begins near the answer instead of at R = 1.
#include "core/model/label_normalization.h"
#include "core/training/network_parameters.h"
#include "core/training/star_sample.h"
#include "core/training/training_state.h"

#include <functional>
#include <vector>

namespace starlocus::core {

// R(θ) at a blackbody of `teffK` through the built-in analytic passbands and the
// Fitzpatrick (1999) R_V = 3.1 law, per unit E(B−V) (the mock's R in its linear limit).
Vec13 theoryReddeningVector(double teffK);

// The start: the theory in the Gaia bands; in g … W2 the empirical mean extinction curve
// of Schlafly et al. (2016), whose scale and grey offset (not fixed by colours) are fitted
// to the theory over g r i z y. F99 overpredicts near-infrared extinction relative to the
// optical (S16 §5); starting there leaves H and Ks far off.
Vec13 startReddeningVector(double teffK);

// Overwrites in `params` (already Glorot-initialised): the R kernel with 0 and its bias
// with ln startReddeningVector at the median Teff of `normalization`; the B·M bias with the per-entry
// median over the training stars in use of y − (B·M without bias)(x) − E·B·R_theory,
// over the entries each star keeps (at most ~100,000 stars, evenly spaced).
void applyPhysicalStart(const NetworkLayout& layout, ParameterVector& params, const LabelNormalization& normalization,
                        const std::vector<StarSample>& samples, const TrainingState& state);
// The same with star i's sample from `sampleOf(i)` (a rank that does not hold every
// star's sample computes the few it needs).
void applyPhysicalStart(const NetworkLayout& layout, ParameterVector& params, const LabelNormalization& normalization,
                        const std::function<StarSample(std::size_t)>& sampleOf, const TrainingState& state);

} // namespace starlocus::core
