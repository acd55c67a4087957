// SPDX-License-Identifier: GPL-3.0-or-later
// starlocus-cli import: survey tables (FITS, CSV/ECSV, VOTable) → the §3 rules → a Green2020
// catalog with its report (issue 15, docs/IMPORT.md).
#include "app/cli/cli.h"
#include "app/cli/cli_arguments.h"
#include "app/cli/output_files.h"
#include "core/common/input_error.h"
#include "core/import/mapping_presets.h"
#include "core/import/table_import.h"
#include "core/io/json_fields.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <ostream>
#include <set>
#include <sstream>

namespace starlocus::cli {
namespace {

constexpr const char* kImportUsage =
    "usage: starlocus-cli import [--map SPEC.json | --preset NAME[,NAME…]] IN [IN …] --out CATALOG.h5\n"
    "       [--report REPORT.json] [--rules SETTINGS.json] [--rule NAME=off|on|NAME.PARAM=VALUE|reddening=MODE …]\n"
    "       [--json]";

struct ImportArguments {
    std::vector<std::string> inputs;
    std::vector<std::string> rules;
    std::map<std::string, std::string> values;
    bool json = false;
    bool help = false;
};

// Inputs are positional and --rule repeats, which CliArguments does not do: read them here,
// as strictly (unknown or repeated options are UsageErrors).
ImportArguments parseImportArguments(const std::vector<std::string>& argv) {
    static const std::set<std::string> valued = {"map", "preset", "out", "report", "rules"};
    ImportArguments a;
    for (std::size_t i = 0; i < argv.size(); ++i) {
        const std::string& arg = argv[i];
        if (arg.rfind("--", 0) != 0) {
            a.inputs.push_back(arg);
            continue;
        }
        const std::string name = arg.substr(2);
        if (name == "help") {
            a.help = true;
            continue;
        }
        if (name == "json") {
            a.json = true;
            continue;
        }
        if (name != "rule" && !valued.contains(name))
            throw UsageError("unknown option '" + arg + "'\n" + kImportUsage);
        if (i + 1 >= argv.size())
            throw UsageError("option '" + arg + "' needs a value");
        const std::string& value = argv[++i];
        if (name == "rule") {
            a.rules.push_back(value);
        } else if (!a.values.emplace(name, value).second) {
            throw UsageError("option '" + arg + "' given twice");
        }
    }
    return a;
}

std::string value(const ImportArguments& a, const std::string& name) {
    const auto it = a.values.find(name);
    return it == a.values.end() ? std::string() : it->second;
}

std::vector<std::string> splitList(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream in(text);
    for (std::string item; std::getline(in, item, ',');)
        if (!item.empty())
            out.push_back(item);
    return out;
}

void printSummary(std::ostream& out, const core::import::ImportResult& r, const std::string& path) {
    using core::import::ruleTable;
    const auto& report = r.report;
    out << "imported " << report.starsOut << " stars of " << report.rowsIn << " rows from " << report.tables.size()
        << " table(s) into " << path << '\n';
    for (const auto& t : report.tables) {
        out << "  " << t.path << " (" << t.format << "): " << t.rows << " rows, " << t.stars << " stars; mapping "
            << t.mappingSource;
        std::string applied;
        for (const auto& p : t.presets)
            if (p.applied)
                applied += (applied.empty() ? "" : ", ") + p.name +
                           (p.missingColumns.empty() ? "" : " (missing " + std::to_string(p.missingColumns.size()) + ")");
        if (!applied.empty())
            out << " [" << applied << "]";
        out << "; reddening " << core::import::reddeningModeName(t.reddeningMode) << '\n';
    }
    for (std::size_t i = 0; i < ruleTable().size(); ++i) {
        const auto& c = report.tally.rules[i];
        if (c.total() == 0)
            continue;
        const auto kind = ruleTable()[i].kind;
        const bool bands = c.stars == 0;
        out << "  " << ruleTable()[i].name << ": " << c.total()
            << (bands ? " band(s)" : " star(s)")
            << (kind == core::import::RuleKind::Transform || kind == core::import::RuleKind::Count ? " touched"
                                                                                                   : " removed")
            << '\n';
    }
    if (report.repeatedStars > 0)
        out << "  repeated stars (same source_id in several rows, kept): " << report.repeatedStars << '\n';
}

} // namespace

int runImport(const std::vector<std::string>& argv, std::ostream& out) {
    namespace imp = core::import;
    const ImportArguments a = parseImportArguments(argv);
    if (a.help) {
        out << kImportUsage << "\npresets:";
        for (const auto& p : imp::mappingPresets())
            out << "\n  " << p.name << ": " << p.description;
        out << "\nrules (in the order they count):";
        for (const auto& r : imp::ruleTable())
            out << "\n  " << r.name << " [" << imp::ruleKindName(r.kind) << ", " << r.reference << "]: " << r.summary;
        out << '\n';
        return kExitOk;
    }
    if (a.inputs.empty())
        throw UsageError(std::string("no input table given\n") + kImportUsage);
    const std::string outPath = value(a, "out");
    if (outPath.empty())
        throw UsageError(std::string("--out CATALOG.h5 is required\n") + kImportUsage);
    const std::string mapPath = value(a, "map"), presets = value(a, "preset"), reportPath = value(a, "report");
    if (!mapPath.empty() && !presets.empty())
        throw UsageError("give either --map or --preset, not both");

    imp::RuleSettings settings;
    if (const std::string rulesPath = value(a, "rules"); !rulesPath.empty()) {
        std::ifstream in(rulesPath, std::ios::binary);
        if (!in)
            throw core::InputError(rulesPath, "", "cannot open the rule settings");
        std::ostringstream text;
        text << in.rdbuf();
        settings.readJson(core::json_fields::parse(text.str(), rulesPath, ""), rulesPath);
    }
    for (const std::string& rule : a.rules) {
        try {
            settings.apply(rule);
        } catch (const core::InputError& e) {
            throw UsageError("--rule " + rule + ": " + e.reason());
        }
    }

    std::optional<imp::ColumnMapping> mapping;
    if (!mapPath.empty())
        mapping = imp::ColumnMapping::readFile(mapPath);
    std::vector<imp::ImportSource> sources;
    std::vector<NamedFile> inputs;
    for (const std::string& path : a.inputs) {
        imp::ImportSource s;
        s.path = path;
        s.mapping = mapping;
        s.mappingFile = mapPath;
        s.presets = splitList(presets);
        sources.push_back(std::move(s));
        inputs.push_back(namedFile("input", path));
    }
    std::vector<NamedFile> outputs{namedFile("out", outPath)};
    if (!reportPath.empty())
        outputs.push_back(namedFile("report", reportPath));
    checkOutputs(outputs, inputs);
    const auto locks = lockOutputs("import", outputs);

    imp::ImportResult result = imp::importTables(sources, settings);
    imp::writeImportedCatalog(outPath, result, reportPath);
    if (a.json)
        out << result.report.toJson().dump(1) << '\n';
    else
        printSummary(out, result, outPath);
    return kExitOk;
}

} // namespace starlocus::cli
