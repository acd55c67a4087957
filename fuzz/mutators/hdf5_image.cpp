// SPDX-License-Identifier: GPL-3.0-or-later
#include "fuzz/mutators/hdf5_image.h"

#include <algorithm>
#include <string>

namespace starlocus::fuzz {

std::unique_ptr<Hdf5Image> Hdf5Image::open(const std::uint8_t* data, std::size_t size) {
    core::hdf5::silenceLibraryErrors();
    // The signature must be there: the core driver would otherwise treat the bytes as a
    // new, empty file.
    static const std::uint8_t signature[8] = {0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    if (size < 64 || !std::equal(signature, signature + 8, data))
        return nullptr;
    core::hdf5::Handle fapl(H5Pcreate(H5P_FILE_ACCESS));
    if (H5Pset_fapl_core(fapl.get(), 64 * 1024, false) < 0 || H5Pset_file_image(fapl.get(), const_cast<std::uint8_t*>(data), size) < 0)
        return nullptr;
    // Each image gets its own name: the library refuses to open a name that is open.
    static unsigned long counter = 0;
    const std::string name = "starlocus-fuzz-image-" + std::to_string(++counter);
    core::hdf5::Handle file(H5Fopen(name.c_str(), H5F_ACC_RDWR, fapl.get()));
    if (!file.valid())
        return nullptr;
    return std::unique_ptr<Hdf5Image>(new Hdf5Image(std::move(file)));
}

std::vector<std::uint8_t> Hdf5Image::bytes() const {
    if (H5Fflush(file_.get(), H5F_SCOPE_GLOBAL) < 0)
        return {};
    const ssize_t size = H5Fget_file_image(file_.get(), nullptr, 0);
    if (size <= 0)
        return {};
    std::vector<std::uint8_t> out(std::size_t(size), 0);
    if (H5Fget_file_image(file_.get(), out.data(), out.size()) != size)
        return {};
    return out;
}

} // namespace starlocus::fuzz
