// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/posterior_file.h"

#include "core/common/input_error.h"
#include "core/io/array_checksum.h"
#include "core/io/atomic_file_write.h"
#include "core/io/hdf5_handle.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>

namespace starlocus::core {
namespace {

constexpr const char* kFormat = "starlocus-posteriors";
constexpr int kFormatVersion = 1;
// As in the catalog reader: beyond 10⁹ rows the dimension is damaged, not a survey.
constexpr hsize_t kMaxStars = 1'000'000'000;

std::string bandList() {
    std::string s;
    for (const Band& b : bands())
        s += (s.empty() ? "" : ",") + std::string(b.name);
    return s;
}

std::string statusLegend() {
    std::string legend;
    for (int code = 0; code <= int(kLastPosteriorStatus); ++code)
        legend += (legend.empty() ? "" : ", ") + std::to_string(code) + "=" +
                  std::string(posteriorStatusName(PosteriorStatus(code)));
    return legend;
}

std::string flagLegend() {
    std::string legend;
    for (PosteriorFlag flag : kPosteriorFlags)
        legend += (legend.empty() ? "" : ", ") + std::to_string(std::uint32_t(flag)) + "=" +
                  std::string(posteriorFlagName(flag));
    return legend;
}

std::uint32_t knownFlagBits() {
    std::uint32_t bits = 0;
    for (PosteriorFlag flag : kPosteriorFlags)
        bits |= flag;
    return bits;
}

// One scalar column: its name, file type, and how a star's value is read and set. Every
// column of the format is listed here once, so the writer and the reader cannot disagree.
struct Column {
    std::string name;
    hid_t fileType;
    std::function<double(const StarPosterior&)> get;
    std::function<void(StarPosterior&, double)> set;
    // Integer columns: whole numbers in [minValue, maxValue], checked by the reader before
    // set() (a column rewritten as float64 must not reach an out-of-range cast).
    enum class Kind { Real, Integer } kind = Kind::Real;
    double minValue = 0.0, maxValue = 0.0;
};

void addInterval(std::vector<Column>& columns, const std::string& name, PosteriorInterval StarPosterior::*member) {
    columns.push_back({name + "_median", H5T_IEEE_F64LE, [member](const StarPosterior& p) { return (p.*member).median; },
                       [member](StarPosterior& p, double v) { (p.*member).median = v; }});
    columns.push_back({name + "_p16", H5T_IEEE_F64LE, [member](const StarPosterior& p) { return (p.*member).lower; },
                       [member](StarPosterior& p, double v) { (p.*member).lower = v; }});
    columns.push_back({name + "_p84", H5T_IEEE_F64LE, [member](const StarPosterior& p) { return (p.*member).upper; },
                       [member](StarPosterior& p, double v) { (p.*member).upper = v; }});
}

const std::vector<Column>& scalarColumns() {
    static const std::vector<Column> columns = [] {
        using K = Column::Kind;
        constexpr double kU8 = 255.0, kU32 = 4294967295.0, kI32 = 2147483647.0;
        std::vector<Column> c;
        // status and flags are checked against the known codes by the reader itself.
        c.push_back({"status", H5T_STD_U8LE, [](const StarPosterior& p) { return double(p.status); },
                     [](StarPosterior& p, double v) { p.status = PosteriorStatus(std::uint8_t(v)); }, K::Integer, 0.0, kU8});
        c.push_back({"flags", H5T_STD_U32LE, [](const StarPosterior& p) { return double(p.flags); },
                     [](StarPosterior& p, double v) { p.flags = std::uint32_t(v); }, K::Integer, 0.0, kU32});
        addInterval(c, "teff", &StarPosterior::teff);
        addInterval(c, "logg", &StarPosterior::logg);
        addInterval(c, "feh", &StarPosterior::feh);
        addInterval(c, "mu", &StarPosterior::mu);
        addInterval(c, "distance_pc", &StarPosterior::distancePc);
        addInterval(c, "E", &StarPosterior::reddening);
        const char* mapNames[3] = {"map_teff", "map_logg", "map_feh"};
        for (std::size_t k = 0; k < 3; ++k)
            c.push_back({mapNames[k], H5T_IEEE_F64LE, [k](const StarPosterior& p) { return p.mapTheta[k]; },
                         [k](StarPosterior& p, double v) { p.mapTheta[k] = v; }});
        c.push_back({"map_mu", H5T_IEEE_F64LE, [](const StarPosterior& p) { return p.mapMu; },
                     [](StarPosterior& p, double v) { p.mapMu = v; }});
        c.push_back({"map_E", H5T_IEEE_F64LE, [](const StarPosterior& p) { return p.mapE; },
                     [](StarPosterior& p, double v) { p.mapE = v; }});
        c.push_back({"chi2", H5T_IEEE_F64LE, [](const StarPosterior& p) { return p.chi2; },
                     [](StarPosterior& p, double v) { p.chi2 = v; }});
        c.push_back({"dof", H5T_STD_I32LE, [](const StarPosterior& p) { return double(p.dof); },
                     [](StarPosterior& p, double v) { p.dof = int(v); }, K::Integer, -kI32 - 1.0, kI32});
        c.push_back({"bands_used", H5T_STD_U8LE, [](const StarPosterior& p) { return double(p.bandsUsed); },
                     [](StarPosterior& p, double v) { p.bandsUsed = int(v); }, K::Integer, 0.0, double(kBandCount)});
        c.push_back({"parallax_used", H5T_STD_U8LE, [](const StarPosterior& p) { return p.parallaxUsed ? 1.0 : 0.0; },
                     [](StarPosterior& p, double v) { p.parallaxUsed = v != 0.0; }, K::Integer, 0.0, 1.0});
        c.push_back({"low_density_fraction", H5T_IEEE_F64LE, [](const StarPosterior& p) { return p.lowDensityFraction; },
                     [](StarPosterior& p, double v) { p.lowDensityFraction = v; }});
        c.push_back({"nodes_evaluated", H5T_STD_U32LE, [](const StarPosterior& p) { return double(p.nodesEvaluated); },
                     [](StarPosterior& p, double v) { p.nodesEvaluated = std::size_t(v); }, K::Integer, 0.0, kU32});
        return c;
    }();
    return columns;
}

constexpr const char* kResidualColumn = "residual_at_map";
constexpr const char* kAxisAttributes[3] = {"grid_teff", "grid_logg", "grid_feh"};

// ---- reading helpers ----

std::string requiredString(hid_t file, const std::string& path, const char* name) {
    auto value = hdf5::readStringAttribute(file, name);
    if (!value)
        throw InputError(path, name, "missing attribute (a string)");
    return *value;
}

std::vector<double> requiredNumbers(hid_t file, const std::string& path, const char* name, std::size_t count) {
    auto value = hdf5::readDoubleAttribute(file, name);
    if (!value || value->size() != count)
        throw InputError(path, name, "missing attribute or not " + std::to_string(count) + " number(s)");
    return *value;
}

double requiredNumber(hid_t file, const std::string& path, const char* name) {
    return requiredNumbers(file, path, name, 1)[0];
}

// The parse functions of core/inference report a bad name without a file: name ours.
template <typename Parse>
auto parsePrior(const std::string& path, const char* attribute, const std::string& text, Parse parse) {
    try {
        return parse(text);
    } catch (const InputError& e) {
        throw InputError(path, attribute, e.reason());
    }
}

bool isWhole(double v) { return std::isfinite(v) && v == std::floor(v); }

void checkColumnValue(const Column& column, double v, std::size_t star, const std::string& path) {
    // Real columns: NaN is "no value", and the fit's own numbers are not second-guessed.
    if (column.kind == Column::Kind::Real || (isWhole(v) && v >= column.minValue && v <= column.maxValue))
        return;
    throw InputError(path, column.name, "star " + std::to_string(star) + ": " + std::to_string(v) +
                                            " is not a whole number " + std::to_string(std::int64_t(column.minValue)) +
                                            " … " + std::to_string(std::int64_t(column.maxValue)));
}

} // namespace


void writePosteriorFile(const std::string& path, const std::vector<StarPosterior>& posteriors,
                        const PosteriorFileMetadata& metadata) {
    const auto lock = hdf5::libraryLock();
    hdf5::AtomicFileWrite out(path);
    const hid_t f = out.file();
    const hsize_t n = posteriors.size();

    hdf5::writeStringAttribute(f, path, "format", kFormat);
    hdf5::writeDoubleAttribute(f, path, "format_version", {double(kFormatVersion)});
    hdf5::writeStringAttribute(f, path, "bands", bandList());
    hdf5::writeStringAttribute(f, path, "posterior_status_codes", statusLegend());
    hdf5::writeStringAttribute(f, path, "posterior_flag_bits", flagLegend());
    hdf5::writeStringAttribute(f, path, "theta_prior", std::string(labelPriorName(metadata.grid.prior)));
    hdf5::writeStringAttribute(f, path, "distance_prior", std::string(distancePriorName(metadata.settings.distance)));
    hdf5::writeStringAttribute(f, path, "reddening_prior", std::string(reddeningPriorName(metadata.settings.reddening)));
    hdf5::writeDoubleAttribute(f, path, "low_density_threshold", {metadata.settings.lowDensityThreshold});
    hdf5::writeDoubleAttribute(f, path, "poor_fit_p_value", {metadata.settings.poorFitPValue});
    hdf5::writeDoubleAttribute(f, path, "outside_training_fraction", {metadata.settings.outsideTrainingFraction});
    for (std::size_t a = 0; a < 3; ++a) {
        const LabelGridAxis& axis = metadata.grid.axes[a];
        hdf5::writeDoubleAttribute(f, path, kAxisAttributes[a], {axis.min, axis.step, double(axis.count)});
    }
    const auto& stride = metadata.grid.coarseStride;
    hdf5::writeDoubleAttribute(f, path, "grid_coarse_stride", {double(stride[0]), double(stride[1]), double(stride[2])});
    hdf5::writeStringAttribute(f, path, "model", metadata.modelFile);
    hdf5::writeStringAttribute(f, path, "catalog", metadata.catalogFile);
    hdf5::writeStringAttribute(f, path, "density_source", metadata.densitySource);
    hdf5::writeStringAttribute(f, path, "starlocus_version", metadata.starlocusVersion);

    std::vector<double> values(posteriors.size());
    for (const Column& column : scalarColumns()) {
        for (std::size_t i = 0; i < posteriors.size(); ++i)
            values[i] = column.get(posteriors[i]);
        hdf5::writeDoubles(f, path, column.name, {n}, values.data(), column.fileType, hdf5::Checksum::Store);
    }
    std::vector<double> residuals(posteriors.size() * kBandCount);
    for (std::size_t i = 0; i < posteriors.size(); ++i)
        std::copy(posteriors[i].residualAtMap.begin(), posteriors[i].residualAtMap.end(),
                  residuals.begin() + std::ptrdiff_t(i * kBandCount));
    hdf5::writeDoubles(f, path, kResidualColumn, {n, hsize_t(kBandCount)}, residuals.data(), H5T_IEEE_F64LE,
                       hdf5::Checksum::Store);
    out.commit();
}

PosteriorFile readPosteriorFile(const std::string& path) {
    const auto lock = hdf5::libraryLock();
    hdf5::Handle file = hdf5::openReadOnly(path);
    const hid_t f = file.get();
    if (hdf5::readStringAttribute(f, "format").value_or("") != kFormat)
        throw InputError(path, "format", "not a StarLocus posterior file (written by starlocus-cli fit-stars)");
    const double version = requiredNumber(f, path, "format_version");
    if (!(isWhole(version) && version >= 1 && version <= kFormatVersion))
        throw InputError(path, "format_version",
                         "unsupported posterior file version (this StarLocus reads 1 … " +
                             std::to_string(kFormatVersion) + ")");
    if (requiredString(f, path, "bands") != bandList())
        throw InputError(path, "bands", "band set differs from " + bandList());

    PosteriorFile result;
    PosteriorFileMetadata& meta = result.metadata;
    meta.grid.prior = parsePrior(path, "theta_prior", requiredString(f, path, "theta_prior"), parseLabelPrior);
    meta.settings.distance =
        parsePrior(path, "distance_prior", requiredString(f, path, "distance_prior"), parseDistancePrior);
    meta.settings.reddening =
        parsePrior(path, "reddening_prior", requiredString(f, path, "reddening_prior"), parseReddeningPrior);
    meta.settings.lowDensityThreshold = requiredNumber(f, path, "low_density_threshold");
    meta.settings.poorFitPValue = requiredNumber(f, path, "poor_fit_p_value");
    meta.settings.outsideTrainingFraction = requiredNumber(f, path, "outside_training_fraction");
    for (std::size_t a = 0; a < 3; ++a) {
        const auto axis = requiredNumbers(f, path, kAxisAttributes[a], 3);
        if (!(isWhole(axis[2]) && axis[2] >= 1 && axis[2] <= double(1u << 28)))
            throw InputError(path, kAxisAttributes[a], "node count is not a whole number 1 … 2^28");
        meta.grid.axes[a] = LabelGridAxis{axis[0], axis[1], std::size_t(axis[2])};
    }
    const auto stride = requiredNumbers(f, path, "grid_coarse_stride", 3);
    for (std::size_t a = 0; a < 3; ++a) {
        if (!(isWhole(stride[a]) && stride[a] >= 0 && stride[a] <= double(1u << 28)))
            throw InputError(path, "grid_coarse_stride", "not whole numbers");
        meta.grid.coarseStride[a] = std::size_t(stride[a]);
    }
    try {
        meta.grid.validate();
    } catch (const InputError& e) {
        throw InputError(path, e.field(), e.reason());
    }
    meta.modelFile = requiredString(f, path, "model");
    meta.catalogFile = requiredString(f, path, "catalog");
    meta.densitySource = requiredString(f, path, "density_source");
    meta.starlocusVersion = requiredString(f, path, "starlocus_version");

    // Every column has the length of the first; its checksum is verified as it is read.
    hdf5::ChecksumTally tally;
    hdf5::ChecksumState state{};
    const auto& columns = scalarColumns();
    std::vector<hsize_t> shape;
    std::vector<double> values = hdf5::readDoubles(f, path, columns[0].name, {0}, &shape, &state);
    tally.add(state);
    const hsize_t n = shape[0];
    if (n > kMaxStars)
        throw InputError(path, columns[0].name, std::to_string(n) + " stars: damaged dimension");
    result.posteriors.resize(std::size_t(n));
    for (std::size_t c = 0; c < columns.size(); ++c) {
        const Column& column = columns[c];
        if (c > 0) {
            values = hdf5::readDoubles(f, path, column.name, {n}, nullptr, &state);
            tally.add(state);
        }
        for (std::size_t i = 0; i < values.size(); ++i) {
            checkColumnValue(column, values[i], i, path);
            column.set(result.posteriors[i], values[i]);
        }
    }
    for (std::size_t i = 0; i < result.posteriors.size(); ++i) {
        const StarPosterior& p = result.posteriors[i];
        if (std::uint8_t(p.status) > std::uint8_t(kLastPosteriorStatus))
            throw InputError(path, "status", "star " + std::to_string(i) + ": unknown status " +
                                                 std::to_string(int(p.status)) + " (a newer StarLocus?)");
        if ((p.flags & ~knownFlagBits()) != 0)
            throw InputError(path, "flags", "star " + std::to_string(i) + ": unknown flag bits " +
                                                std::to_string(p.flags & ~knownFlagBits()));
    }
    values = hdf5::readDoubles(f, path, kResidualColumn, {n, hsize_t(kBandCount)}, nullptr, &state);
    tally.add(state);
    for (std::size_t i = 0; i < result.posteriors.size(); ++i)
        std::copy(values.begin() + std::ptrdiff_t(i * kBandCount), values.begin() + std::ptrdiff_t((i + 1) * kBandCount),
                  result.posteriors[i].residualAtMap.begin());
    if (auto note = tally.note())
        result.notes.push_back(*note);
    return result;
}

} // namespace starlocus::core
