// SPDX-License-Identifier: GPL-3.0-or-later
// make_seed_corpus OUTDIR: the seed corpus of every fuzz target, written by StarLocus's own
// writers (so it follows the code, and nothing derived from third-party files is committed):
//   OUTDIR/green2020_catalog/    small mock skies, with and without truth and r_fit
//   OUTDIR/model_file/           trained models, with and without their training record
//   OUTDIR/training_checkpoint/  checkpoints of runs with different hidden layers
//   OUTDIR/keras_model/          the trained models in the published Keras layout
//   OUTDIR/density_grid/         small grids in the published density layout
//   OUTDIR/normalization_json/   normalisation files
//   OUTDIR/posterior_file/       photometric fits of a small mock sky on a toy label grid
//   OUTDIR/text_table/           CSV and ECSV tables (an ECSV header in both YAML styles,
//                                nulls, 19-digit integers), one gzip-compressed, and
//                                fit-stars' posterior CSV
//   OUTDIR/votable/              small hand-written VOTables: TABLEDATA, BINARY and BINARY2
//                                (null bitmap, variable and fixed char arrays), one gzipped
//   OUTDIR/fits_table/           FITS binary and ASCII tables written with CFITSIO
// scripts/fuzz.sh runs it before fuzzing and adds the published files when they are there.
#include "fuzz/seeds/fits_seed_writer.h"
#include "fuzz/seeds/keras_layout_writer.h"

#include "core/diagnostics/density_grid_file.h"
#include "core/io/green2020_catalog.h"
#include "core/io/model_file.h"
#include "core/inference/fit_catalog.h"
#include "core/io/normalization_json.h"
#include "core/io/posterior_csv.h"
#include "core/io/posterior_file.h"
#include "core/io/training_checkpoint.h"
#include "core/mock/mock_sky.h"
#include "core/mock/mock_sky_file.h"
#include "core/training/trainer.h"

#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>

namespace core = starlocus::core;
namespace fs = std::filesystem;

namespace {

core::MockSky mockSky(std::size_t stars, std::uint64_t seed) {
    core::MockSkyConfig config;
    config.starCount = stars;
    return core::MockSky(config, seed);
}

void writeCatalogs(const fs::path& dir) {
    const core::MockSky small = mockSky(12, 1);
    core::writeGreen2020Catalog((dir / "mock12.h5").string(), small.catalog(), small.normalization());
    core::writeMockSky((dir / "mock12_truth.h5").string(), small);
    core::Catalog withFit = mockSky(30, 2).catalog();
    withFit.reddeningFit = withFit.reddening;
    withFit.reddeningFitVar = std::vector<double>(withFit.size(), 0.01);
    core::writeGreen2020Catalog((dir / "mock30_rfit.h5").string(), withFit, core::LabelNormalization{});
}

struct Silent : core::TrainingObserver {};

// A few training steps per layout: a checkpoint, a model with its record, a bare model and
// the same weights in the Keras layout.
void writeTrainedFiles(const fs::path& root, const core::Catalog& catalog, const std::vector<int>& hidden) {
    std::string tag = "h";
    for (std::size_t k = 0; k < hidden.size(); ++k)
        tag += (k ? "x" : "") + std::to_string(hidden[k]);
    core::TrainingConfig config;
    config.iterations = 2;
    config.epochsPerIteration = 2;
    config.batchSize = 16;
    config.threads = 1;
    config.hiddenLayers = hidden;
    core::Trainer trainer(catalog, config);
    trainer.setCheckpointPath((root / "training_checkpoint" / ("checkpoint_" + tag + ".h5")).string());
    Silent observer;
    core::TrainingControl control;
    const core::TrainingResult result = trainer.run(observer, control);
    core::saveModel((root / "model_file" / ("model_" + tag + "_record.h5")).string(), result.model, &result.final);
    core::saveModel((root / "model_file" / ("model_" + tag + ".h5")).string(), result.model);
    starlocus::fuzz::writeKerasLayout((root / "keras_model" / ("keras_" + tag + ".h5")).string(), result.model, true);
    starlocus::fuzz::writeKerasLayout((root / "keras_model" / ("keras_" + tag + "_plain.h5")).string(), result.model,
                                      false);
}

void writeDensityGrids(const fs::path& dir) {
    for (std::size_t n : {2, 4}) {
        core::DensityGrid grid;
        for (std::size_t k = 0; k < n; ++k) {
            grid.axes[0].push_back(4000.0 + 1000.0 * double(k));
            grid.axes[1].push_back(1.0 + double(k));
            grid.axes[2].push_back(-1.0 + 0.5 * double(k));
        }
        grid.values.resize(core::kDensityChannelCount * n * n * n);
        for (std::size_t k = 0; k < grid.values.size(); ++k)
            grid.values[k] = float(k % 7) / 6.0f;
        core::writeDensityGrid((dir / ("grid" + std::to_string(n) + ".h5")).string(), grid);
    }
}

void writeNormalizations(const fs::path& dir, const core::LabelNormalization& norm) {
    core::writeNormalizationJson((dir / "normalization.json").string(), norm);
    std::ofstream(dir / "integers.json") << R"({"theta_med": [5800, 4, 0], "theta_std": [800, 1, 1]})" << '\n';
    std::ofstream(dir / "extra_keys.json")
        << R"({"theta_std": [7.5e2, 0.85, 3.2E-1], "comment": "x", "theta_med": [5.5e3, 3.9, -0.1]})" << '\n';
}

} // namespace

// A 5 × 4 × 3 label grid of a smooth toy model (the file's layout does not depend on the
// model) and the fits of the sky's stars on it, with each prior's settings stored.
void writePosteriorFiles(const fs::path& dir, const core::Catalog& catalog) {
    core::LabelGridSettings grid;
    grid.axes = {core::LabelGridAxis{4500.0, 250.0, 5}, core::LabelGridAxis{3.5, 0.5, 4}, core::LabelGridAxis{-0.5, 0.25, 3}};
    grid.coarseStride = {2, 2, 1};
    grid.prior = core::LabelPrior::Box;
    const core::LabelGrid labels = core::buildLabelGrid(
        [](const Eigen::Vector3d& theta, core::Vec13& m, core::Vec13& r) {
            for (Eigen::Index b = 0; b < Eigen::Index(core::kBandCount); ++b) {
                m[b] = 4.0 + 0.1 * double(b) * (5000.0 / theta[0]) - 0.8 * (theta[1] - 4.0) + 0.05 * theta[2];
                r[b] = 3.0 / (1.0 + 0.3 * double(b));
            }
        },
        grid, nullptr);
    for (const auto reddening : {core::ReddeningPrior::FlatPositive, core::ReddeningPrior::Catalog}) {
        core::PosteriorFileMetadata meta;
        meta.grid = grid;
        meta.settings.reddening = reddening;
        meta.modelFile = "toy";
        meta.catalogFile = "mock";
        const auto fits = core::fitCatalog(labels, meta.settings, catalog);
        core::writePosteriorFile((dir / ("posteriors_" + std::string(core::reddeningPriorName(reddening)) + ".h5")).string(),
                                 fits, meta);
    }
}

// Tables as the import meets them: ECSV with flow and block column entries (as Astropy writes
// them), a comma-delimited ECSV, a plain CSV with comments, quotes and nulls, the same
// gzip-compressed, and a posterior CSV of fit-stars.
void writeTextTables(const fs::path& dir, const std::vector<core::StarPosterior>& posteriors) {
    const std::string ecsv = "# %ECSV 1.0\n# ---\n# datatype:\n# - {name: source_id, datatype: int64}\n"
                             "# - name: g\n#   unit: mag\n#   datatype: float64\n#   description: Gaia G\n"
                             "#   meta: {ucd: phot.mag}\n# - {name: flag, datatype: bool}\n"
                             "# - {name: name, datatype: string}\n# - {name: e, datatype: float32}\n"
                             "# meta: !!omap\n# - {survey: seed}\n# schema: astropy-2.0\n"
                             "source_id g flag name e\n4295806720 15.25 True \"a star\" 0.1\n"
                             "6917528997577384320 \"\" False b,c 0.2\n";
    std::ofstream(dir / "astropy_style.ecsv") << ecsv;
    std::ofstream(dir / "comma.ecsv") << "# %ECSV 1.0\n# ---\n# datatype:\n# - {name: a, unit: mas, datatype: float64}\n"
                                         "# - {name: b, datatype: uint8}\n# delimiter: ','\na,b\n1.5,2\n,3\n-2e-3,\n";
    const std::string csv = "# cross-match\nsource_id,phot_g_mean_mag,parallax,survey\n"
                            "1000000000000000001,15.1,1.25,\"LAMOST, DR5\"\n1000000000000000002,,-0.5,APOGEE\n"
                            "1000000000000000003,nan,inf,\n";
    std::ofstream(dir / "plain.csv") << csv;
    if (gzFile gz = gzopen((dir / "plain.csv.gz").string().c_str(), "wb")) {
        gzwrite(gz, csv.data(), unsigned(csv.size()));
        gzclose(gz);
    }
    core::writePosteriorCsv((dir / "posteriors.csv").string(),
                            std::vector<core::StarPosterior>(posteriors.begin(),
                                                             posteriors.begin() + std::ptrdiff_t(std::min<std::size_t>(5, posteriors.size()))));
}

// VOTables written here by hand (no third-party files): every datatype the reader takes, nulls
// in each encoding's convention, base64 streams with variable-length and fixed char arrays.
void writeVoTables(const fs::path& dir) {
    auto voTable = [](const std::string& fields, const std::string& data) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
               "<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\">\n"
               "<RESOURCE type=\"results\"><TABLE>\n" +
               fields + "<DATA>" + data + "</DATA></TABLE></RESOURCE></VOTABLE>\n";
    };
    const std::string tabledata = voTable(
        "<FIELD name=\"source_id\" datatype=\"long\" ucd=\"meta.id\"/>\n"
        "<FIELD name=\"g\" datatype=\"double\" unit=\"mag\"><DESCRIPTION>Gaia G</DESCRIPTION></FIELD>\n"
        "<FIELD name=\"n\" datatype=\"short\"><VALUES null=\"-1\"/></FIELD>\n"
        "<FIELD name=\"ok\" datatype=\"boolean\"/>\n<FIELD name=\"bit\" datatype=\"bit\"/>\n"
        "<FIELD name=\"u8\" datatype=\"unsignedByte\"/>\n<FIELD name=\"i\" datatype=\"int\"/>\n"
        "<FIELD name=\"f\" datatype=\"float\"/>\n"
        "<FIELD name=\"name\" datatype=\"char\" arraysize=\"*\"/>\n"
        "<FIELD name=\"u\" datatype=\"unicodeChar\" arraysize=\"8\"/>\n",
        "<TABLEDATA>\n<TR><TD>6917528997577384320</TD><TD>15.25</TD><TD>9</TD><TD>T</TD><TD>1</TD>"
        "<TD>255</TD><TD>0x7F</TD><TD>NaN</TD><TD>a star</TD><TD>\xce\xa9</TD></TR>\n"
        "<TR><TD>2</TD><TD/><TD>-1</TD><TD>?</TD><TD>0</TD><TD>0</TD><TD>-2147483648</TD><TD>1e40</TD>"
        "<TD/><TD></TD></TR>\n</TABLEDATA>");
    std::ofstream(dir / "tabledata.vot") << tabledata;
    if (gzFile gz = gzopen((dir / "tabledata.vot.gz").string().c_str(), "wb")) {
        gzwrite(gz, tabledata.data(), unsigned(tabledata.size()));
        gzclose(gz);
    }
    // Rows (1, "ab", "xyz", T) and (2, null, "", ?): the second field flagged in the bitmap.
    std::ofstream(dir / "binary2.vot") << voTable(
        "<FIELD name=\"n\" datatype=\"int\"/>\n<FIELD name=\"s\" datatype=\"char\" arraysize=\"*\"/>\n"
        "<FIELD name=\"f\" datatype=\"char\" arraysize=\"4\"/>\n<FIELD name=\"b\" datatype=\"boolean\"/>\n",
        "<BINARY2><STREAM encoding=\"base64\">\nAAAAAAEAAAACYWJ4eXoAVEAAAAACAAAAAAAAAAA/\n</STREAM></BINARY2>");
    // Rows (7, 1.5, "Ωa") and (null, NaN, ""): short with VALUES null, double, unicodeChar[*].
    std::ofstream(dir / "binary.vot") << voTable(
        "<FIELD name=\"n\" datatype=\"short\"><VALUES null=\"-32768\"/></FIELD>\n"
        "<FIELD name=\"x\" datatype=\"double\"/>\n<FIELD name=\"u\" datatype=\"unicodeChar\" arraysize=\"*\"/>\n",
        "<BINARY><STREAM encoding=\"base64\">AAc/+AAAAAAAAAAAAAIDqQBhgAB/+AAAAAAAAAAAAAA=</STREAM></BINARY>");
}

// Mapping specs (docs/IMPORT.md) for the columns fuzz_import_mapping's table has.
void writeImportMappings(const fs::path& dir) {
    const char* const specs[] = {
        R"json({"survey": "lamost", "fields": {"teff": "teff", "sigma_teff": "teff_err", "logg": "logg",
            "sigma_logg": "logg_err", "feh": "feh", "sigma_feh": "feh_err", "cov_teff_logg": "cov",
            "mag_G": "phot_g_mean_mag", "mag_err_G": "1.0857362047581294/phot_g_mean_flux_over_error",
            "mag_W1": "22.5 - 2.5*log10(flux_w1)", "mag_err_W1": "1.0857362047581294*dflux_w1/flux_w1",
            "unwise_flags_W1": "flags", "parallax": "parallax", "parallax_error": "parallax_error",
            "lamost_qflag_chi2": "qflag_chi2", "tmass_ph_qual": "ph_qual",
            "sfd_ebv": "sfd_ebv", "bayestar19_ebv": "bayestar19_ebv", "ra": "ra", "dec": "dec"}})json",
        R"json({"survey": "apogee", "fields": {"teff": "teff", "var_teff": {"expr": "teff_err^2", "unit": "K2"},
            "logg": "logg", "var_logg": "max(logg_err, 0.01)**2", "feh": "feh", "var_feh": "hypot(feh_err, cov)",
            "apogee_aspcapflag": "flags", "mag_G": "phot_g_mean_mag", "mag_err_G": "0.01",
            "parallax": {"expr": "parallax/1000", "unit": "arcsec"}, "parallax_error": "parallax_error",
            "ebv_prior": "sfd_ebv", "ebv_prior_err": "abs(bayestar19_ebv)"}})json",
        R"json({"survey": "galah", "fields": {"teff": "`teff`", "sigma_teff": "-teff_err", "logg": "ln(exp(logg))",
            "sigma_logg": "sqrt(logg_err)", "feh": "min(feh, 0.5)", "sigma_feh": "pow(feh_err, 1)",
            "galah_flag": "flags", "mag_G": "phot_g_mean_mag", "mag_err_G": "phot_g_mean_flux_over_error",
            "parallax": "parallax", "parallax_error": "parallax_error", "sfd_ebv": "sfd_ebv", "dec": "dec",
            "b": "dec"}})json",
    };
    int n = 0;
    for (const char* spec : specs)
        std::ofstream(dir / ("spec" + std::to_string(n++) + ".json")) << spec;
}

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s OUTDIR\n", argv[0]);
        return 2;
    }
    try {
        const fs::path root(argv[1]);
        for (const char* target : {"green2020_catalog", "model_file", "training_checkpoint", "keras_model",
                                   "density_grid", "normalization_json", "posterior_file", "text_table", "votable",
                                   "fits_table", "import_mapping"})
            fs::create_directories(root / target);
        writeCatalogs(root / "green2020_catalog");
        const core::MockSky sky = mockSky(60, 3);
        for (const auto& hidden : std::vector<std::vector<int>>{{8, 8}, {4}, {6, 3, 5}})
            writeTrainedFiles(root, sky.catalog(), hidden);
        writeDensityGrids(root / "density_grid");
        writeNormalizations(root / "normalization_json", sky.normalization());
        writePosteriorFiles(root / "posterior_file", sky.catalog());
        writeTextTables(root / "text_table",
                        core::readPosteriorFile((root / "posterior_file" / "posteriors_flat.h5").string()).posteriors);
        writeVoTables(root / "votable");
        starlocus::fuzz::writeFitsSeeds(root / "fits_table");
        writeImportMappings(root / "import_mapping");
    } catch (const std::exception& e) {
        std::fprintf(stderr, "make_seed_corpus: %s\n", e.what());
        return 1;
    }
    return 0;
}
