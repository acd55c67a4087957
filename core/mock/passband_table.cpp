// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/mock/passband_table.h"

#include "core/common/input_error.h"
#include "core/common/parallel_for.h"
#include "core/physics/analytic_passband.h"
#include "core/physics/blackbody.h"
#include "core/physics/fitzpatrick99.h"
#include "core/physics/passband_facts.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace starlocus::core {
namespace {

// One band's integrand pieces on its own wavelength grid: trapezoid weights times the
// photon-counting factor s(λ)·λ (synthetic_photometry.h), and k(λ) = A_λ/E(B−V).
struct BandGrid {
    std::vector<double> wavelengthA;
    std::vector<double> weight;
    std::vector<double> k;
    double abReference = 0.0; // ∫ s λ F_λ^AB dλ (cgs)
    double zeroPoint = 0.0;   // AB − Vega for the catalog's Vega bands, else 0
};

BandGrid bandGrid(std::size_t band) {
    const Band& info = bands()[band];
    const Passband pass = analyticPassband(info.name);
    const Fitzpatrick99 law(PassbandTable::kRv);
    BandGrid g;
    g.wavelengthA = pass.wavelengthsA();
    const auto& s = pass.response();
    const std::size_t n = g.wavelengthA.size();
    g.weight.assign(n, 0.0);
    for (std::size_t i = 0; i + 1 < n; ++i) { // Σ ½(f_i + f_{i+1})Δλ_i = Σ f_i·(Δλ_{i−1} + Δλ_i)/2
        const double half = 0.5 * (g.wavelengthA[i + 1] - g.wavelengthA[i]);
        g.weight[i] += half;
        g.weight[i + 1] += half;
    }
    for (std::size_t i = 0; i < n; ++i)
        g.weight[i] *= s[i] * g.wavelengthA[i];
    g.k = law.aOverEbv(g.wavelengthA);
    // AB: 3631 Jy, F_λ = F_ν c/λ² (c in Å/s), erg s⁻¹ cm⁻² Å⁻¹ (Oke & Gunn 1983).
    constexpr double kAbFluxTimesC = 3631.0e-23 * 2.99792458e18;
    for (std::size_t i = 0; i < n; ++i)
        g.abReference += g.weight[i] * kAbFluxTimesC / (g.wavelengthA[i] * g.wavelengthA[i]);
    g.zeroPoint = info.catalogSystem == MagnitudeSystem::Vega ? passbandFact(info.name).abMinusVega : 0.0;
    return g;
}

// π B_λ(T) at the stellar surface, converted from W m⁻² m⁻¹ to erg s⁻¹ cm⁻² Å⁻¹ (× 1e−7).
std::vector<double> surfaceFlux(const BandGrid& g, double teffK) {
    std::vector<double> f(g.wavelengthA.size());
    for (std::size_t i = 0; i < f.size(); ++i)
        f[i] = std::numbers::pi * planckLambda(g.wavelengthA[i], teffK) * 1e-7;
    return f;
}

double weightedSum(const BandGrid& g, const std::vector<double>& f, const std::vector<double>* factor = nullptr) {
    double sum = 0.0;
    for (std::size_t i = 0; i < f.size(); ++i)
        sum += g.weight[i] * f[i] * (factor ? (*factor)[i] : 1.0);
    return sum;
}

double surfaceMagnitudeOf(const BandGrid& g, const std::vector<double>& f) {
    return -2.5 * std::log10(weightedSum(g, f) / g.abReference) - g.zeroPoint;
}

double reddeningOf(const BandGrid& g, const std::vector<double>& f) {
    return weightedSum(g, f, &g.k) / weightedSum(g, f);
}

std::vector<double> attenuation(const BandGrid& g, double ebv) {
    std::vector<double> a(g.k.size());
    for (std::size_t i = 0; i < a.size(); ++i)
        a[i] = std::pow(10.0, -0.4 * ebv * g.k[i]); // Eq. B19
    return a;
}

double extinctionOf(const BandGrid& g, const std::vector<double>& f, const std::vector<double>& att) {
    return -2.5 * std::log10(weightedSum(g, f, &att) / weightedSum(g, f));
}

std::size_t teffNodeCount() {
    return std::size_t(std::lround((PassbandTable::kMaxTeffK - PassbandTable::kMinTeffK) / PassbandTable::kTeffStepK)) +
           1;
}

// Cubic Lagrange weights on four uniform nodes j−1..j+2 at fractional position t of [j, j+1].
struct Cubic {
    std::size_t first = 0;
    std::array<double, 4> w{};
};

Cubic cubicAt(double teffK, std::size_t nodes) {
    const double x = (std::clamp(teffK, PassbandTable::kMinTeffK, PassbandTable::kMaxTeffK) - PassbandTable::kMinTeffK) /
                     PassbandTable::kTeffStepK;
    const std::size_t j = std::clamp<std::size_t>(std::size_t(x), 1, nodes - 3);
    const double t = x - double(j);
    Cubic c;
    c.first = j - 1;
    c.w = {-t * (t - 1.0) * (t - 2.0) / 6.0, (t + 1.0) * (t - 1.0) * (t - 2.0) / 2.0,
           -(t + 1.0) * t * (t - 2.0) / 2.0, (t + 1.0) * t * (t - 1.0) / 6.0};
    return c;
}

double apply(const Cubic& c, const double* row) {
    return c.w[0] * row[c.first] + c.w[1] * row[c.first + 1] + c.w[2] * row[c.first + 2] + c.w[3] * row[c.first + 3];
}

double nodeTeff(std::size_t j) { return PassbandTable::kMinTeffK + double(j) * PassbandTable::kTeffStepK; }

} // namespace

PassbandTable::PassbandTable(bool withExactExtinction, double maxReddening)
    : teffNodes_(teffNodeCount()), maxReddening_(maxReddening) {
    if (!(std::isfinite(maxReddening) && maxReddening > 0.0))
        throw InputError("", "max_reddening", "must be a positive reddening");
    eNodes_ = withExactExtinction ? std::size_t(std::ceil(maxReddening / kEStep - 1e-9)) + 1 : 0;
    // Bands are independent: one chunk each, so the tables never depend on thread timing.
    parallelFor(kBandCount, 1, [&](std::size_t begin, std::size_t end) {
        for (std::size_t b = begin; b < end; ++b) {
            const BandGrid g = bandGrid(b);
            const std::size_t n = g.weight.size();
            // weightedFlux[j][i] = weight_i · F_λ(λ_i; T_j): the integrand without the dust.
            std::vector<std::vector<double>> weightedFlux(teffNodes_, std::vector<double>(n));
            std::vector<double> unattenuated(teffNodes_);
            surface_[b].resize(teffNodes_);
            reddening_[b].resize(teffNodes_);
            for (std::size_t j = 0; j < teffNodes_; ++j) {
                const std::vector<double> flux = surfaceFlux(g, nodeTeff(j));
                surface_[b][j] = surfaceMagnitudeOf(g, flux);
                reddening_[b][j] = reddeningOf(g, flux);
                for (std::size_t i = 0; i < n; ++i)
                    weightedFlux[j][i] = g.weight[i] * flux[i];
                unattenuated[j] = weightedSum(g, flux);
            }
            extinction_[b].assign(eNodes_ * teffNodes_, 0.0);
            for (std::size_t k = 1; k < eNodes_; ++k) {
                const std::vector<double> att = attenuation(g, double(k) * kEStep);
                for (std::size_t j = 0; j < teffNodes_; ++j) {
                    const double* wf = weightedFlux[j].data();
                    double attenuated = 0.0;
                    for (std::size_t i = 0; i < n; ++i)
                        attenuated += wf[i] * att[i];
                    extinction_[b][k * teffNodes_ + j] = -2.5 * std::log10(attenuated / unattenuated[j]); // Eq. B19
                }
            }
        }
    });
}

double PassbandTable::surfaceMagnitude(std::size_t band, double teffK) const {
    return apply(cubicAt(teffK, teffNodes_), surface_[band].data());
}

double PassbandTable::reddeningCoefficient(std::size_t band, double teffK) const {
    return apply(cubicAt(teffK, teffNodes_), reddening_[band].data());
}

double PassbandTable::extinctionMag(std::size_t band, double teffK, double ebv) const {
    if (!hasExactExtinction())
        throw InputError("", "extinction", "the exact (Eq. B19) table was not built for this run");
    const double x = std::clamp(ebv, 0.0, maxReddening_) / kEStep;
    const std::size_t k = std::min<std::size_t>(std::size_t(x), eNodes_ - 2);
    const double u = x - double(k);
    const Cubic c = cubicAt(teffK, teffNodes_);
    const double* rows = extinction_[band].data();
    return (1.0 - u) * apply(c, rows + k * teffNodes_) + u * apply(c, rows + (k + 1) * teffNodes_);
}

double PassbandTable::directSurfaceMagnitude(std::size_t band, double teffK) {
    const BandGrid g = bandGrid(band);
    return surfaceMagnitudeOf(g, surfaceFlux(g, teffK));
}

double PassbandTable::directReddeningCoefficient(std::size_t band, double teffK) {
    const BandGrid g = bandGrid(band);
    return reddeningOf(g, surfaceFlux(g, teffK));
}

double PassbandTable::directExtinctionMag(std::size_t band, double teffK, double ebv) {
    const BandGrid g = bandGrid(band);
    return extinctionOf(g, surfaceFlux(g, teffK), attenuation(g, ebv));
}

} // namespace starlocus::core
