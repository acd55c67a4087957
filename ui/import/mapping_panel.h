// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The import dialog's mapping of one table: the presets the columns matched (and the columns a
// partly fitting preset lacks), the survey its stars come from when atm_source is not mapped,
// the field table (FieldMappingModel) with an editable source per field, and loading or saving
// the mapping as a spec (docs/IMPORT.md "Mapping spec", ColumnMapping::toJson/fromJson).
#include "core/import/column_mapping.h"
#include "core/import/mapping_presets.h"

#include <QWidget>
#include <functional>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace starlocus::ui {

class FieldMappingModel;
class SourceDelegate;

class MappingPanel : public QWidget {
    Q_OBJECT
public:
    explicit MappingPanel(QWidget* parent = nullptr);

    // Shows a table's mapping (`presets`: what detectMapping tried on its columns).
    void setTable(const QString& path, const std::vector<core::table::ColumnInfo>& columns,
                  const core::import::ColumnMapping& mapping, const std::vector<core::import::PresetMatch>& presets);
    void clear();
    const core::import::ColumnMapping& mapping() const;

    FieldMappingModel* model() const { return model_; }
    QTableView* view() const { return view_; }
    QComboBox* surveyBox() const { return survey_; }
    QLabel* presetsLabel() const { return presets_; }
    QCheckBox* mappedOnlyBox() const { return mappedOnly_; }

    // Load / Save without a file dialog (tests); the errors go to `problem`.
    bool loadSpec(const QString& path, QString* problem);
    bool saveSpec(const QString& path, QString* problem) const;

    // How the panel asks for a spec file; default: a file dialog.
    using SpecChooser = std::function<QString(bool save, const QString& suggested)>;
    void setSpecChooser(SpecChooser chooser) { chooser_ = std::move(chooser); }

signals:
    void mappingChanged();
    // The mapping now comes from this spec file (empty: edited here or the presets).
    void specFileChanged(const QString& path);
    void resetRequested();
    void message(const QString& text, bool error);

private:
    void chooseLoad();
    void chooseSave();
    void updateSurveyBox();
    void updateHiddenRows();

    FieldMappingModel* model_;
    SourceDelegate* delegate_;
    QTableView* view_;
    QLabel* presets_;
    QComboBox* survey_;
    QCheckBox* mappedOnly_;
    QPushButton* load_;
    QPushButton* save_;
    QPushButton* reset_;
    QString path_;
    SpecChooser chooser_;
};

} // namespace starlocus::ui
