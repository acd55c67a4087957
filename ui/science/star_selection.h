// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// StarSelection: the linked selection shared by every science view (TOPCAT/glue style).
// A view turns a dragged box into star indices (rows of ScienceData::stars()); every view
// listens to changed() and highlights the same stars.
#include <QObject>
#include <QString>
#include <cstddef>
#include <vector>

namespace starlocus::ui {

struct ScienceData;

class StarSelection : public QObject {
    Q_OBJECT
public:
    explicit StarSelection(QObject* parent = nullptr);

    // Replaces the selection (indices sorted and made unique here).
    void setStars(std::vector<std::size_t> stars);
    void clear();

    const std::vector<std::size_t>& stars() const { return stars_; }
    std::size_t count() const { return stars_.size(); }
    bool isEmpty() const { return stars_.empty(); }
    bool contains(std::size_t star) const;

    // CSV: view_index, catalog_index (row in the catalog file), teff_K, logg, feh. Written
    // atomically (QSaveFile); false with a translated reason on failure.
    bool exportCsv(const QString& path, const ScienceData& data, QString* error = nullptr) const;

signals:
    void changed();

private:
    std::vector<std::size_t> stars_;
};

} // namespace starlocus::ui
