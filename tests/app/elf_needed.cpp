// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/app/elf_needed.h"

#include <QFile>

#include <cstring>
#include <elf.h>

namespace starlocus::test {
namespace {

// A copy of the T at `offset` of `bytes`, or false when it lies outside.
template <typename T> bool readAt(const QByteArray& bytes, quint64 offset, T* value) {
    if (offset > quint64(bytes.size()) || quint64(bytes.size()) - offset < sizeof(T))
        return false;
    std::memcpy(value, bytes.constData() + offset, sizeof(T));
    return true;
}

} // namespace

QStringList elfNeededLibraries(const QString& path, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return {};
    }
    const QByteArray bytes = file.readAll();
    Elf64_Ehdr header;
    if (!readAt(bytes, 0, &header) || std::memcmp(header.e_ident, ELFMAG, SELFMAG) != 0 ||
        header.e_ident[EI_CLASS] != ELFCLASS64 || header.e_ident[EI_DATA] != ELFDATA2LSB) {
        *error = QStringLiteral("%1: not a 64-bit little-endian ELF file").arg(path);
        return {};
    }
    // The section of type SHT_DYNAMIC; its sh_link is the string table its names point into.
    for (int i = 0; i < header.e_shnum; ++i) {
        Elf64_Shdr dynamic;
        if (!readAt(bytes, header.e_shoff + quint64(i) * header.e_shentsize, &dynamic))
            break;
        if (dynamic.sh_type != SHT_DYNAMIC)
            continue;
        Elf64_Shdr strings;
        if (!readAt(bytes, header.e_shoff + quint64(dynamic.sh_link) * header.e_shentsize, &strings))
            break;
        QStringList needed;
        for (quint64 offset = dynamic.sh_offset; offset + sizeof(Elf64_Dyn) <= dynamic.sh_offset + dynamic.sh_size;
             offset += sizeof(Elf64_Dyn)) {
            Elf64_Dyn entry;
            if (!readAt(bytes, offset, &entry) || entry.d_tag == DT_NULL)
                break;
            if (entry.d_tag != DT_NEEDED)
                continue;
            const quint64 name = strings.sh_offset + entry.d_un.d_val;
            if (name >= quint64(bytes.size())) {
                *error = QStringLiteral("%1: a DT_NEEDED name lies outside the file").arg(path);
                return {};
            }
            const char* text = bytes.constData() + name; // NUL-terminated in .dynstr
            needed << QString::fromLatin1(text, qsizetype(qstrnlen(text, uint(quint64(bytes.size()) - name))));
        }
        return needed;
    }
    *error = QStringLiteral("%1: no dynamic section (a static executable?)").arg(path);
    return {};
}

} // namespace starlocus::test
