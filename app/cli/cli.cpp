// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/cli.h"

#include "app/cli/cli_arguments.h"
#include "app/cli/training_options.h"
#include "core/common/input_error.h"
#include "core/training/trainer.h"

#include <algorithm>
#include <exception>
#include <new>
#include <stdexcept>
#include <map>
#include <ostream>

namespace starlocus::cli {
namespace {

constexpr const char* kUsage =
    "usage: starlocus-cli <command> [options]\n"
    "commands:\n"
    "  predict --model FILE [--normalization FILE] --teff K --logg DEX --feh DEX [--E MAG] [--json]\n"
    "      B(M+ER), M+ER and R(theta) for one star\n"
    "  evaluate --model FILE [--normalization FILE] --catalog FILE [--reddening catalog|refit] [--json]\n"
    "      chi^2 and chi^2/dof per group of stars (all, r_source:*, atm_source:*)\n"
    "  refit-reddening --model FILE [--normalization FILE] --catalog FILE --out FILE.h5 [--json]\n"
    "      reddening posterior of Eqs. 8-9 per star (datasets r_fit, r_var, star_status)\n"
    "  train (--catalog FILE | --mock N [--extinction linear|exact] [--label-error-scale X --parallax-error-scale X\n"
    "        --prior-error-scale X])\n"
    "        --out MODEL.h5 [--resume CKPT] [--simulate-ranks N]\n"
    "        [--checkpoint FILE] [--log FILE.csv] [--json] [train settings, listed below]\n"
    "      the paper's training procedure (20 iterations; --epochs auto: 25 epochs each where the catalog gives\n"
    "      50,000 steps per iteration, more for smaller ones), checkpoint after every iteration;\n"
    "      mpirun -np N starlocus-cli train ... spreads it over N MPI ranks (docs/SCALING.md)\n"
    "  mock --stars N --seed S --out FILE.h5 [--extinction linear|exact] [--json]\n"
    "       [--raw fits|csv|ecsv|votable [--raw-defect-rate X]] (then --out is a prefix: survey-native\n"
    "       cross-match tables, their truth and the catalog they import to, docs/MOCK.md)\n"
    "       [--label-error-scale X] [--parallax-error-scale X] [--prior-error-scale X]\n"
    "       (multiply every written label / parallax / reddening-prior sigma)\n"
    "      synthetic sky with its truth (Green2020 layout + group truth)\n"
    "  fit-stars --model FILE [--normalization FILE] --catalog FILE --out FILE.h5 [--csv FILE.csv]\n"
    "            [--density FILE.h5 | --density-from-catalog TRAINING.h5] [--theta-prior valid|density|box]\n"
    "            [--distance-prior flat|galactic] [--reddening-prior flat|catalog] [--threads T] [--json]\n"
    "      theta, distance and extinction of every star from photometry and parallax (Eq. 19); valid and\n"
    "      density theta priors need --density or --density-from-catalog\n"
    "  export CATALOG.h5 --format fits|csv|ecsv|votable --out FILE [--json]\n"
    "      the catalog as a survey table, one row per star (Green2020 fields with units and UCDs)\n"
    "  import [--map SPEC.json | --preset NAME[,NAME...]] IN [IN ...] --out CATALOG.h5 [--report REPORT.json]\n"
    "         [--rules SETTINGS.json] [--rule NAME=off|on|NAME.PARAM=VALUE|reddening=auto|paper|given ...] [--json]\n"
    "      survey tables (FITS, CSV/ECSV, VOTable; columns recognised by the presets unless --map) through the paper's section 3 rules into a catalog, with a\n"
    "      report of what each rule removed (docs/IMPORT.md)\n"
    "the paper's figures (Figs. 6-12): starlocus-figures, installed with the GUI\n";
constexpr const char* kExitCodes =
    "exit codes: 0 ok, 2 bad input (message names the file and field; also an input that needs more memory\n"
    "            than this machine has), 1 internal error (a bug: please report it)\n";

// `figures` was a command here until it moved to a program of its own (it needs the GUI
// library, which starlocus-cli must not link); say where it went instead of "unknown command".
constexpr const char* kFiguresMoved =
    "starlocus-cli: 'figures' is now a program of its own (it needs the GUI library): "
    "starlocus-figures --model FILE --catalog FILE --out DIR [...], installed with the GUI; "
    "see starlocus-figures --help\n";

constexpr const char* kTooLarge =
    "not enough memory: the input (its number of stars, a dataset's dimensions or a count given on the command "
    "line) needs more than this machine can give";

void printUsage(std::ostream& out) {
    out << kUsage;
    printTrainingOptions(out);
    out << kExitCodes;
}

} // namespace

int runReportingErrors(const std::string& who, CommandFunction run, const std::vector<std::string>& args,
                       std::ostream& out, std::ostream& err) {
    // Every message is one line (a reason quoting a file's text may hold line breaks).
    const auto report = [&](const std::string& text) {
        std::string line = who + ": " + text;
        std::replace(line.begin(), line.end(), '\n', ' ');
        std::replace(line.begin(), line.end(), '\r', ' ');
        err << line << '\n';
    };
    try {
        return run(args, out);
    } catch (const UsageError& e) {
        report(e.what());
        return kExitBadInput;
    } catch (const core::TrainingError& e) {
        report(e.what());
        return kExitBadInput;
    } catch (const core::InputError& e) {
        report(e.what());
        return kExitBadInput;
    } catch (const std::bad_alloc&) {
        // Our commands allocate in proportion to their input (stars, dataset dimensions,
        // --stars N): running out of memory means the input is too large for this machine,
        // and the library's text ("std::bad_alloc") would not say which.
        report(kTooLarge);
        return kExitBadInput;
    } catch (const std::length_error&) { // a size beyond what a std::vector can hold
        report(kTooLarge);
        return kExitBadInput;
    } catch (const std::exception& e) {
        // Anything else is a bug of ours (the loaders turn every bad file into an InputError):
        // keep the library's text, marked as what it is, for the report.
        report(std::string("internal error (a bug: please report it): ") + e.what());
        return kExitInternal;
    } catch (...) {
        report("internal error (a bug: please report it): an exception of unknown type");
        return kExitInternal;
    }
}

int runCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        printUsage(args.empty() ? err : out);
        return args.empty() ? kExitBadInput : kExitOk;
    }
    const std::string& command = args[0];
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    static const std::map<std::string, CommandFunction> commands{{"predict", &runPredict},
                                                                 {"evaluate", &runEvaluate},
                                                                 {"refit-reddening", &runRefitReddening},
                                                                 {"train", &runTrain},
                                                                 {"mock", &runMock},
                                                                 {"export", &runExport},
                                                                 {"fit-stars", &runFitStars},
                                                                 {"import", &runImport}};
    if (auto it = commands.find(command); it != commands.end())
        return runReportingErrors("starlocus-cli " + command, it->second, rest, out, err);
    if (command == "figures") {
        err << kFiguresMoved;
        return kExitBadInput;
    }
    err << "starlocus-cli: unknown command '" << command << "'\n";
    printUsage(err);
    return kExitBadInput;
}

} // namespace starlocus::cli
