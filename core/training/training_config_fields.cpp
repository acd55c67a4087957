// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/training/training_config_fields.h"

#include "core/common/input_error.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <stdexcept>

// The labels are English here; the settings dialog translates them in its own context.
// lupdate reads them through this marker (ui/CMakeLists.txt has it scan this file); the core
// has no Qt, so the marker is the identity.
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif

namespace starlocus::core {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

enum class Bound { Closed, Open };

// A row of the table, written as name, key, flag, label, unit, help and member, then what
// differs from the defaults.
struct Row : ConfigField {
    Row(std::string_view name_, std::string_view key, std::string_view flag, std::string_view label_,
        std::string_view unit_, std::string_view help_, ConfigMember member_) {
        name = name_;
        jsonKey = key;
        cliFlag = flag;
        label = label_;
        unit = unit_;
        help = help_;
        member = member_;
    }
    Row& range(double lo, double hi, Bound loBound = Bound::Closed, Bound hiBound = Bound::Closed) {
        min = lo;
        max = hi;
        minExclusive = loBound == Bound::Open;
        maxExclusive = hiBound == Bound::Open;
        return *this;
    }
    Row& count(int lo, int hi) {
        minCount = lo;
        maxCount = hi;
        return *this;
    }
    Row& in(SettingsGroup g) {
        group = g;
        return *this;
    }
    Row& mayChangeOnResume() {
        fixedByCheckpoint = false;
        return *this;
    }
    Row& zeroShownAs(std::string_view text) {
        zeroMeans = text;
        return *this;
    }
    // 0 stands for a choice made by the run ("auto"): `word` on the command line, `label` in
    // the dialog.
    Row& zeroMeansChoice(std::string_view word, std::string_view label) {
        zeroWord = word;
        zeroMeans = label;
        return *this;
    }
    Row& toolTip(std::string_view text) {
        dialogToolTip = text;
        return *this;
    }
    Row& whenAbsent(std::string_view text) {
        valueWhenAbsent = text;
        return *this;
    }
};

// The paper's settings (METHOD.md §4, §2); the defaults are TrainingConfig's own. The
// labels are the dialog's, marked for lupdate.
const ConfigField kFields[] = {
    Row("iterations", "iterations", "iterations", QT_TRANSLATE_NOOP("starlocus::ui::TrainingSettingsDialog", "&Iterations:"), "",
        "iterations, each: epochs, then reddening update, covariances and chi^2/dof cut", &TrainingConfig::iterations)
        .range(1, 1000).in(SettingsGroup::Schedule),
    Row("epochs", "epochs", "epochs", QT_TRANSLATE_NOOP("starlocus::ui::TrainingSettingsDialog", "&Epochs per iteration:"), "",
        "epochs of Adam per iteration; auto: the paper's 25, more (up to 500) below ~64,000 training stars",
        &TrainingConfig::epochsPerIteration)
        .range(0, 10000).in(SettingsGroup::Schedule)
        .zeroMeansChoice("auto", QT_TRANSLATE_NOOP("starlocus::ui::TrainingSettingsDialog", "auto"))
        .toolTip(QT_TRANSLATE_NOOP("starlocus::ui::TrainingSettingsDialog",
                                   "auto: the paper's 25 where the catalog gives 50,000 optimisation steps per "
                                   "iteration, more epochs for smaller catalogs (at most 500)")),
    Row("batch", "batch", "batch", QT_TRANSLATE_NOOP("starlocus::ui::TrainingSettingsDialog", "&Batch size [stars]:"), "stars", "stars per mini-batch",
        &TrainingConfig::batchSize)
        .range(1, 1 << 20).in(SettingsGroup::Schedule),
    // Not in the dialog (it passes the value through): a matter of speed, not of science.
    Row("shuffleBlock", "shuffle_block", "shuffle-block", "Shuffle block [stars]:", "",
        "N: epochs walk blocks of N stars adjacent in memory (default 8192: faster on millions of stars, and "
        "learns what the free shuffle learns); full: every training star shuffled freely (the paper's)",
        &TrainingConfig::shuffleBlockStars)
        .range(0, 1 << 24).zeroMeansChoice("full", "full")
        .whenAbsent("full"), // checkpoints written before the setting existed shuffled freely
    Row("learningRate", "learning_rate", "lr", QT_TRANSLATE_NOOP("starlocus::ui::TrainingSettingsDialog", "&Learning rate:"), "", "Adam's learning rate in iteration 1",
        &TrainingConfig::learningRate)
        .range(0, kInf, Bound::Open, Bound::Open).in(SettingsGroup::Schedule),
    Row("learningRateDecay", "learning_rate_decay", "lr-decay", QT_TRANSLATE_NOOP("starlocus::ui::TrainingSettingsDialog", "Learning-rate &decay per iteration:"), "",
        "multiplies the learning rate after every iteration", &TrainingConfig::learningRateDecay)
        .range(0, 1, Bound::Open, Bound::Closed).in(SettingsGroup::Schedule),
    // Adam's constants are Keras' defaults; not in the dialog (it passes them through).
    Row("adamBeta1", "adam_beta1", "adam-beta1", "Adam beta_1:", "", "Adam's decay rate of the first moment",
        &TrainingConfig::adamBeta1)
        .range(0, 1, Bound::Closed, Bound::Open),
    Row("adamBeta2", "adam_beta2", "adam-beta2", "Adam beta_2:", "", "Adam's decay rate of the second moment",
        &TrainingConfig::adamBeta2)
        .range(0, 1, Bound::Closed, Bound::Open),
    Row("adamEpsilon", "adam_epsilon", "adam-epsilon", "Adam epsilon:", "", "Adam's epsilon",
        &TrainingConfig::adamEpsilon)
        .range(0, kInf, Bound::Open, Bound::Open),
    Row("l2Hidden", "l2_hidden", "l2", QT_TRANSLATE_NOOP("starlocus::ui::TrainingSettingsDialog", "λ_s, L2 on the hidden &kernels:"), "",
        "lambda_s, L2 penalty on the hidden kernels (Eq. 15)", &TrainingConfig::l2Hidden)
        .range(0, kInf, Bound::Closed, Bound::Open).in(SettingsGroup::Loss),
    Row("l1Extinction", "l1_extinction", "l1", QT_TRANSLATE_NOOP("starlocus::ui::TrainingSettingsDialog", "λ_r, L1 on the &R kernel:"), "",
        "lambda_r, L1 penalty on the R kernel (Eq. 15)", &TrainingConfig::l1Extinction)
        .range(0, kInf, Bound::Closed, Bound::Open).in(SettingsGroup::Loss),
    Row("hiddenLayers", "hidden_layers", "hidden", QT_TRANSLATE_NOOP("starlocus::ui::TrainingSettingsDialog", "&Hidden layers (sizes):"), "",
        "widths of the hidden layers, comma-separated", &TrainingConfig::hiddenLayers)
        .range(1, 1024).count(1, 8).in(SettingsGroup::Loss)
        .toolTip(QT_TRANSLATE_NOOP("starlocus::ui::TrainingSettingsDialog", "Comma-separated widths, e.g. 32, 32")),
    Row("thresholdStart", "threshold_start", "threshold-start", QT_TRANSLATE_NOOP("starlocus::ui::TrainingSettingsDialog", "χ²/dof threshold at the &start:"), "",
        "chi^2/dof cut after iteration 1", &TrainingConfig::thresholdStart)
        .range(0, kInf, Bound::Open, Bound::Open).in(SettingsGroup::OutlierCut),
    Row("thresholdFinal", "threshold_final", "threshold-final", QT_TRANSLATE_NOOP("starlocus::ui::TrainingSettingsDialog", "χ²/dof threshold at the e&nd:"), "",
        "chi^2/dof cut from the end iteration on (at most the start's)", &TrainingConfig::thresholdFinal)
        .range(0, kInf, Bound::Open, Bound::Open).in(SettingsGroup::OutlierCut),
    Row("thresholdIterations", "threshold_iterations", "threshold-iterations",
        QT_TRANSLATE_NOOP("starlocus::ui::TrainingSettingsDialog", "Iterations until the end &threshold:"), "",
        "iteration from which the cut is the end threshold (geometric decay before)",
        &TrainingConfig::thresholdDecayIterations)
        .range(2, 1000).in(SettingsGroup::OutlierCut),
    Row("maxSigmaE", "first_iteration_max_sigma_e", "first-iteration-max-sigma-e",
        QT_TRANSLATE_NOOP("starlocus::ui::TrainingSettingsDialog", "Iteration 1: largest σ_E [mag]:"), "mag",
        "iteration 1 leaves out stars with a larger reddening-prior sigma", &TrainingConfig::firstIterationMaxSigmaE)
        .range(0, kInf, Bound::Open, Bound::Open).in(SettingsGroup::OutlierCut),
    Row("trainFraction", "train_fraction", "train-fraction", QT_TRANSLATE_NOOP("starlocus::ui::TrainingSettingsDialog", "T&raining fraction:"), "",
        "fraction of the stars that trains", &TrainingConfig::trainFraction)
        .range(0, 1, Bound::Open, Bound::Closed).in(SettingsGroup::Split),
    Row("validationFraction", "validation_fraction", "validation-fraction", QT_TRANSLATE_NOOP("starlocus::ui::TrainingSettingsDialog", "&Validation fraction:"), "",
        "fraction that validates (the rest tests; train + validation <= 1)", &TrainingConfig::validationFraction)
        .range(0, 1, Bound::Closed, Bound::Open).in(SettingsGroup::Split),
    Row("seed", "seed", "seed", QT_TRANSLATE_NOOP("starlocus::ui::TrainingSettingsDialog", "&Seed:"), "",
        "drives the split, the initial weights and every shuffle (and the --mock sky)", &TrainingConfig::seed)
        .in(SettingsGroup::Split),
    Row("threads", "threads", "threads", QT_TRANSLATE_NOOP("starlocus::ui::TrainingSettingsDialog", "T&hreads:"), "",
        "worker threads, 0 for all cores (results do not depend on it)", &TrainingConfig::threads)
        .range(0, 256).in(SettingsGroup::Split).mayChangeOnResume()
        .zeroShownAs(QT_TRANSLATE_NOOP("starlocus::ui::TrainingSettingsDialog", "all cores")),
    // Not in the dialog (it passes the value through: the GUI trains with the default start).
    Row("initialization", "initialization", "init", "Initialization:", "",
        "physical: R starts at the F99 theory; keras: Glorot kernels, R = 1", &TrainingConfig::initialization)
        .whenAbsent("keras"), // checkpoints written before the setting existed started the Keras way
};

std::string numberText(double v) {
    char text[32];
    const auto end = std::to_chars(text, text + sizeof text, v).ptr; // shortest text that reads back as v
    return std::string(text, end);
}

std::optional<double> parseReal(std::string_view text) {
    double v = 0.0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || ptr != text.data() + text.size() || text.empty())
        return std::nullopt;
    return v;
}

// A whole number written as one ("20", also "1e3"); nullopt otherwise or outside long long.
std::optional<long long> parseWhole(std::string_view text) {
    long long v = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec == std::errc() && ptr == text.data() + text.size() && !text.empty())
        return v;
    const auto real = parseReal(text);
    if (real && *real == std::floor(*real) && std::fabs(*real) < 9.2e18)
        return static_cast<long long>(*real);
    return std::nullopt;
}

bool inRange(const ConfigField& f, double v) {
    const bool aboveMin = f.minExclusive ? v > f.min : v >= f.min;
    const bool belowMax = f.maxExclusive ? v < f.max : v <= f.max;
    return std::isfinite(v) && aboveMin && belowMax; // NaN fails every comparison
}

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return {};
    const auto last = text.find_last_not_of(" \t");
    return std::string(text.substr(first, last - first + 1));
}

} // namespace

std::span<const ConfigField> trainingConfigFields() { return kFields; }

const ConfigField* configFieldByKey(std::string_view jsonKey) {
    for (const ConfigField& f : kFields)
        if (f.jsonKey == jsonKey)
            return &f;
    return nullptr;
}

const ConfigField* configFieldByFlag(std::string_view cliFlag) {
    for (const ConfigField& f : kFields)
        if (f.cliFlag == cliFlag)
            return &f;
    return nullptr;
}

const ConfigField& configFieldOf(ConfigMember member) {
    for (const ConfigField& f : kFields)
        if (f.member == member)
            return f;
    throw std::logic_error("a member of TrainingConfig without a row in the settings table");
}

std::vector<std::string_view> initializationChoices() {
    return {initializationName(Initialization::Physical), initializationName(Initialization::Keras)};
}

std::string rangeText(const ConfigField& f) {
    if (f.isSeed())
        return "must be a whole number ≥ 0";
    if (f.isChoice()) {
        std::string text = "must be ";
        const auto choices = initializationChoices();
        for (std::size_t k = 0; k < choices.size(); ++k)
            text += (k == 0 ? "" : k + 1 == choices.size() ? " or " : ", ") + std::string(choices[k]);
        return text;
    }
    if (f.isInteger() && !f.zeroWord.empty() && f.min == 0.0)
        return "must be " + std::string(f.zeroWord) + " or between 1 and " + numberText(f.max);
    if (f.isInteger() || f.isList())
        return "must be between " + numberText(f.min) + " and " + numberText(f.max);
    if (std::isinf(f.max))
        return std::string(f.minExclusive ? "must be > " : "must be ≥ ") + numberText(f.min);
    return "must be in " + std::string(f.minExclusive ? "(" : "[") + numberText(f.min) + ", " + numberText(f.max) +
           (f.maxExclusive ? ")" : "]");
}

std::string fieldText(const ConfigField& field, const TrainingConfig& c) {
    return std::visit(
        [&](auto member) -> std::string {
            const auto& v = c.*member;
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, int>) {
                return v == 0 && !field.zeroWord.empty() ? std::string(field.zeroWord) : std::to_string(v);
            } else if constexpr (std::is_same_v<T, std::uint64_t>) {
                return std::to_string(v);
            } else if constexpr (std::is_same_v<T, double>) {
                return numberText(v);
            } else if constexpr (std::is_same_v<T, std::vector<int>>) {
                std::string text;
                for (int n : v)
                    text += (text.empty() ? "" : ",") + std::to_string(n);
                return text;
            } else {
                return std::string(initializationName(v));
            }
        },
        field.member);
}

void setFieldFromText(const ConfigField& field, TrainingConfig& c, std::string_view rawText) {
    const std::string text = trimmed(rawText);
    const auto fail = [&](const std::string& reason) {
        throw InputError("", std::string(field.jsonKey), "'" + std::string(rawText) + "' " + reason);
    };
    std::visit(
        [&](auto member) {
            auto& v = c.*member;
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, int>) {
                if (!field.zeroWord.empty() && text == field.zeroWord) {
                    v = 0;
                    return;
                }
                const auto whole = parseWhole(text);
                if (!whole || *whole < std::numeric_limits<int>::min() || *whole > std::numeric_limits<int>::max())
                    fail(field.zeroWord.empty() ? "is not a whole number"
                                                : "is neither " + std::string(field.zeroWord) + " nor a whole number");
                v = int(*whole);
            } else if constexpr (std::is_same_v<T, std::uint64_t>) {
                std::uint64_t seed = 0;
                const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), seed);
                if (ec != std::errc() || ptr != text.data() + text.size() || text.empty())
                    fail("is not a whole number ≥ 0");
                v = seed;
            } else if constexpr (std::is_same_v<T, double>) {
                const auto real = parseReal(text);
                if (!real || !std::isfinite(*real))
                    fail("is not a finite number");
                v = *real;
            } else if constexpr (std::is_same_v<T, std::vector<int>>) {
                std::vector<int> list;
                std::size_t start = 0;
                for (;;) {
                    const std::size_t comma = text.find(',', start);
                    const std::string part = trimmed(std::string_view(text).substr(start, comma - start));
                    int n = 0;
                    const auto [ptr, ec] = std::from_chars(part.data(), part.data() + part.size(), n);
                    if (ec != std::errc() || ptr != part.data() + part.size() || part.empty())
                        fail("is not a comma-separated list of whole numbers");
                    list.push_back(n);
                    if (comma == std::string::npos)
                        break;
                    start = comma + 1;
                }
                v = std::move(list);
            } else {
                for (std::string_view choice : initializationChoices())
                    if (text == choice) {
                        v = parseInitialization(choice);
                        return;
                    }
                fail("is not one of them: " + rangeText(field));
            }
        },
        field.member);
}

std::optional<std::string> fieldProblem(const ConfigField& field, const TrainingConfig& c) {
    return std::visit(
        [&](auto member) -> std::optional<std::string> {
            const auto& v = c.*member;
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, int> || std::is_same_v<T, double>) {
                if (!inRange(field, double(v)))
                    return rangeText(field);
            } else if constexpr (std::is_same_v<T, std::vector<int>>) {
                if (v.size() < std::size_t(field.minCount) || v.size() > std::size_t(field.maxCount))
                    return "must list " + std::to_string(field.minCount) + " to " + std::to_string(field.maxCount) +
                           " values";
                for (int n : v)
                    if (!inRange(field, double(n)))
                        return "each value " + rangeText(field);
            } else if constexpr (std::is_same_v<T, Initialization>) {
                if (v != Initialization::Physical && v != Initialization::Keras)
                    return rangeText(field);
            }
            return std::nullopt; // every seed is valid
        },
        field.member);
}

} // namespace starlocus::core
