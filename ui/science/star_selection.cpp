// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/science/star_selection.h"

#include "ui/science/science_data.h"

#include <QSaveFile>
#include <QTextStream>
#include <algorithm>

namespace starlocus::ui {

StarSelection::StarSelection(QObject* parent) : QObject(parent) {}

void StarSelection::setStars(std::vector<std::size_t> stars) {
    std::sort(stars.begin(), stars.end());
    stars.erase(std::unique(stars.begin(), stars.end()), stars.end());
    if (stars == stars_)
        return;
    stars_ = std::move(stars);
    emit changed();
}

void StarSelection::clear() { setStars({}); }

bool StarSelection::contains(std::size_t star) const { return std::binary_search(stars_.begin(), stars_.end(), star); }

bool StarSelection::exportCsv(const QString& path, const ScienceData& data, QString* error) const {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        if (error)
            *error = tr("Could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    QTextStream out(&file);
    out << "view_index,catalog_index,teff_K,logg,feh\n";
    const auto& index = data.products.selection.catalogIndex;
    for (std::size_t i : stars_) {
        if (i >= data.size())
            continue;
        const auto& t = data.stars().theta[i];
        out << i << ',' << index[i] << ',' << QString::number(t[0], 'g', 17) << ',' << QString::number(t[1], 'g', 17)
            << ',' << QString::number(t[2], 'g', 17) << '\n';
    }
    out.flush();
    if (!file.commit()) {
        if (error)
            *error = tr("Could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace starlocus::ui
