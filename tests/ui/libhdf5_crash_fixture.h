// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A file that crashes libhdf5 1.10 (Debian 12: 1.10.8) in H5Dread, made from a small model
// file written by our own writer. The recipe: every contiguous dataset's data layout
// message is turned into a *compact* layout of 0 bytes. In an object header (version 1)
// that message is `08 00 | 18 00 | 00 | 00 00 00` (type 8 = layout, 24 bytes, no flags)
// followed by `03 01` (layout version 3, class 1 = contiguous); the edit sets the class
// byte to 0 (compact) and the following two bytes, the compact size, to 0. libhdf5 then
// reads the dataspace's bytes from a null compact buffer (H5D__compact_readvv →
// H5VM_memcpyvv) and dies by SIGSEGV on any H5Dread, whatever the reader checks before.
// Found by fuzzing our model files; h5py crashes on the same file.
#include "core/io/model_file.h"
#include "tests/support/toy_model.h"

#include <QByteArray>
#include <QFile>
#include <QString>

namespace starlocus::test {

// A good small StarLocus model file (no hidden layer), written by core::saveModel.
inline void writeToyModelFile(const QString& path) {
    core::Vec13 r;
    for (int b = 0; b < 13; ++b)
        r[b] = 1.0;
    core::saveModel(path.toStdString(), toyModel(toySunMagnitudes(), r));
}

// Turns an HDF5 file of ours (contiguous datasets, object header version 1) into one that
// crashes libhdf5 on any H5Dread; returns how many layout messages were edited (0: the recipe
// found nothing to edit, the file is then not a crashing file).
inline int makeLibhdf5Crashing(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    QByteArray bytes = file.readAll();
    file.close();
    const QByteArray contiguousLayout = QByteArray::fromHex("08001800000000000301");
    int edits = 0;
    for (qsizetype at = bytes.indexOf(contiguousLayout); at >= 0; at = bytes.indexOf(contiguousLayout, at + 1)) {
        const qsizetype layoutClass = at + 9;
        bytes[layoutClass] = 0;     // compact
        bytes[layoutClass + 1] = 0; // compact size, 2 bytes: 0
        bytes[layoutClass + 2] = 0;
        ++edits;
    }
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        return 0;
    return edits;
}

// Writes the crashing model file; returns the number of edits (makeLibhdf5Crashing).
inline int writeLibhdf5CrashingModel(const QString& path) {
    writeToyModelFile(path);
    return makeLibhdf5Crashing(path);
}

} // namespace starlocus::test
