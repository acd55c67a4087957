// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/text_file_save.h"

#include "core/common/input_error.h"
#include "core/io/output_path.h"
#include "core/io/save_temporary.h"

#include <filesystem>
#include <fstream>

namespace starlocus::core {

void saveTextFile(const std::string& path, const std::string& text) {
    checkReplaceableTarget(path);
    removeStaleTemporaries(path);
    const std::string tmp = temporaryPathFor(path);
    {
        std::ofstream out(tmp, std::ios::binary);
        out << text;
        out.close();
        if (!out) {
            std::error_code ec;
            std::filesystem::remove(tmp, ec);
            throw InputError(path, "", "cannot write");
        }
    }
    replaceWithTemporary(tmp, path);
}

} // namespace starlocus::core
