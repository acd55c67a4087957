// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/import/mapping_panel.h"

#include "core/common/input_error.h"
#include "core/io/text_file_save.h"
#include "ui/import/field_mapping_model.h"
#include "ui/import/source_delegate.h"
#include "ui/import/table_file_types.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableView>
#include <QVBoxLayout>
#include <exception>
#include <nlohmann/json.hpp>

namespace starlocus::ui {
namespace {

QString presetsText(const std::vector<core::import::PresetMatch>& presets) {
    QStringList applied;
    for (const auto& p : presets) {
        if (!p.applied)
            continue;
        QString entry = QStringLiteral("<b>%1</b> (%2)")
                            .arg(QString::fromStdString(p.name).toHtmlEscaped(),
                                 p.fieldsMapped == 1 ? MappingPanel::tr("1 field")
                                                     : MappingPanel::tr("%1 fields").arg(p.fieldsMapped));
        if (!p.missingColumns.empty()) {
            QStringList missing;
            for (const std::string& c : p.missingColumns)
                missing << QString::fromStdString(c).toHtmlEscaped();
            entry += QStringLiteral(" <span style='color:#c62828'>%1</span>")
                         .arg(MappingPanel::tr("lacks %1").arg(missing.join(QStringLiteral(", "))));
        }
        applied << entry;
    }
    if (applied.isEmpty())
        return MappingPanel::tr("No preset matches these columns: map the fields below, or load a mapping spec.");
    return MappingPanel::tr("Presets found: %1").arg(applied.join(QStringLiteral("; ")));
}

} // namespace

MappingPanel::MappingPanel(QWidget* parent)
    : QWidget(parent), model_(new FieldMappingModel(this)), delegate_(new SourceDelegate(this)) {
    setObjectName(QStringLiteral("mappingPanel"));
    presets_ = new QLabel(this);
    presets_->setObjectName(QStringLiteral("presetsLabel"));
    presets_->setWordWrap(true);
    presets_->setTextFormat(Qt::RichText);

    survey_ = new QComboBox(this);
    survey_->setObjectName(QStringLiteral("surveyBox"));
    survey_->setEditable(true);
    survey_->addItems({QString(), QStringLiteral("lamost"), QStringLiteral("apogee"), QStringLiteral("galah")});
    survey_->setMinimumContentsLength(10);
    connect(survey_, &QComboBox::currentTextChanged, this, [this](const QString& text) {
        if (survey_->isEnabled())
            model_->setSurvey(text);
    });
    auto* surveyLabel = new QLabel(tr("&Survey (atm_source):"), this);
    surveyLabel->setBuddy(survey_);

    load_ = new QPushButton(tr("&Load Mapping…"), this);
    load_->setObjectName(QStringLiteral("loadMappingButton"));
    load_->setToolTip(tr("Read a mapping spec (JSON, as starlocus-cli import --map reads it)"));
    save_ = new QPushButton(tr("Sa&ve Mapping…"), this);
    save_->setObjectName(QStringLiteral("saveMappingButton"));
    save_->setToolTip(tr("Write this table's mapping as a spec (JSON) for starlocus-cli import --map"));
    reset_ = new QPushButton(tr("&Presets"), this);
    reset_->setObjectName(QStringLiteral("resetMappingButton"));
    reset_->setToolTip(tr("Back to the mapping the presets found"));
    connect(load_, &QPushButton::clicked, this, &MappingPanel::chooseLoad);
    connect(save_, &QPushButton::clicked, this, &MappingPanel::chooseSave);
    connect(reset_, &QPushButton::clicked, this, &MappingPanel::resetRequested);

    view_ = new QTableView(this);
    view_->setObjectName(QStringLiteral("mappingView"));
    view_->setModel(model_);
    view_->setItemDelegateForColumn(FieldMappingModel::SourceColumn, delegate_);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                           QAbstractItemView::SelectedClicked | QAbstractItemView::AnyKeyPressed);
    view_->setWordWrap(false);
    view_->verticalHeader()->hide();
    view_->verticalHeader()->setDefaultSectionSize(view_->fontMetrics().height() + 8);
    QHeaderView* header = view_->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(FieldMappingModel::StatusColumn, QHeaderView::Stretch);
    header->setMinimumSectionSize(32);
    header->resizeSection(FieldMappingModel::FieldColumn, 125);
    header->resizeSection(FieldMappingModel::MeaningColumn, 145);
    header->resizeSection(FieldMappingModel::UnitColumn, 40);
    header->resizeSection(FieldMappingModel::SourceColumn, 160);
    header->resizeSection(FieldMappingModel::SourceUnitColumn, 70);
    // The group headings span the table.
    const auto spanHeadings = [this] {
        view_->clearSpans();
        for (int r = 0; r < model_->rowCount(); ++r)
            if (model_->isHeading(r))
                view_->setSpan(r, 0, 1, FieldMappingModel::ColumnCount);
    };
    connect(model_, &QAbstractItemModel::modelReset, this, spanHeadings);
    spanHeadings();
    connect(model_, &FieldMappingModel::mappingChanged, this, [this] {
        updateSurveyBox();
        updateHiddenRows();
        emit mappingChanged();
    });

    mappedOnly_ = new QCheckBox(tr("&Mapped fields only"), this);
    mappedOnly_->setObjectName(QStringLiteral("mappedOnlyBox"));
    mappedOnly_->setToolTip(tr("Hide the optional fields no column feeds (required fields stay)"));
    connect(mappedOnly_, &QCheckBox::toggled, this, &MappingPanel::updateHiddenRows);
    connect(model_, &QAbstractItemModel::modelReset, this, &MappingPanel::updateHiddenRows);

    auto* top = new QHBoxLayout;
    top->addWidget(surveyLabel);
    top->addWidget(survey_);
    top->addSpacing(12);
    top->addWidget(mappedOnly_);
    top->addStretch(1);
    top->addWidget(reset_);
    top->addWidget(load_);
    top->addWidget(save_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(presets_);
    layout->addLayout(top);
    layout->addWidget(view_, 1);

    chooser_ = [this](bool saving, const QString& suggested) {
        const QString filter = tr("Mapping specs (*.json);;All files (*)");
        return saving ? QFileDialog::getSaveFileName(this, tr("Save Mapping"), suggested, filter)
                      : QFileDialog::getOpenFileName(this, tr("Load Mapping"), suggested, filter);
    };
    clear();
}

void MappingPanel::setTable(const QString& path, const std::vector<core::table::ColumnInfo>& columns,
                            const core::import::ColumnMapping& mapping,
                            const std::vector<core::import::PresetMatch>& presets) {
    path_ = path;
    QStringList names, units;
    for (const auto& c : columns) {
        names << QString::fromStdString(c.name);
        units << QString::fromStdString(c.unit);
    }
    delegate_->setColumns(names, units);
    model_->setTable(columns, mapping);
    presets_->setText(presetsText(presets));
    updateSurveyBox();
    setEnabled(true);
}

void MappingPanel::clear() {
    path_.clear();
    delegate_->setColumns({}, {});
    model_->setTable({}, {});
    presets_->setText(tr("Add a table to map its columns."));
    updateSurveyBox();
    setEnabled(false);
}

void MappingPanel::updateHiddenRows() {
    const bool only = mappedOnly_->isChecked();
    int heading = -1;
    bool headingShown = false;
    const auto closeGroup = [&] {
        if (heading >= 0)
            view_->setRowHidden(heading, !headingShown);
    };
    for (int r = 0; r < model_->rowCount(); ++r) {
        if (model_->isHeading(r)) {
            closeGroup();
            heading = r;
            headingShown = false;
            continue;
        }
        const auto kind = FieldStatus::Kind(model_->index(r, 0).data(FieldMappingModel::StatusKindRole).toInt());
        const bool hide = only && kind == FieldStatus::Kind::NotMapped;
        view_->setRowHidden(r, hide);
        headingShown = headingShown || !hide;
    }
    closeGroup();
}

const core::import::ColumnMapping& MappingPanel::mapping() const { return model_->mapping(); }

void MappingPanel::updateSurveyBox() {
    const bool mapped = model_->mapping().fields.contains("atm_source");
    const QSignalBlocker block(survey_);
    survey_->setEnabled(!mapped);
    survey_->setCurrentText(QString::fromStdString(model_->mapping().survey));
    survey_->setToolTip(mapped ? tr("Each star's survey comes from the column mapped to atm_source")
                               : tr("The spectroscopic survey every star of this table comes from: it decides "
                                    "the survey's quality rules and label offsets (§3.1)"));
}

bool MappingPanel::loadSpec(const QString& path, QString* problem) {
    try {
        const core::import::ColumnMapping mapping = core::import::ColumnMapping::readFile(path.toStdString());
        model_->setTable(model_->columns(), mapping);
        updateSurveyBox();
        emit specFileChanged(path);
        emit mappingChanged();
        return true;
    } catch (const core::InputError& e) {
        *problem = QString::fromStdString(e.what());
    } catch (const std::exception& e) {
        *problem = tr("%1: could not read the mapping: %2").arg(path, QString::fromStdString(e.what()));
    }
    return false;
}

bool MappingPanel::saveSpec(const QString& path, QString* problem) const {
    try {
        core::saveTextFile(path.toStdString(), mapping().toJson().dump(2) + "\n");
        return true;
    } catch (const core::InputError& e) {
        *problem = QString::fromStdString(e.what());
    } catch (const std::exception& e) {
        *problem = tr("%1: could not write the mapping: %2").arg(path, QString::fromStdString(e.what()));
    }
    return false;
}

void MappingPanel::chooseLoad() {
    const QString path = chooser_ ? chooser_(false, QFileInfo(path_).absolutePath()) : QString();
    if (path.isEmpty())
        return;
    QString problem;
    if (loadSpec(path, &problem))
        emit message(tr("Mapping read from %1.").arg(QFileInfo(path).fileName()), false);
    else
        emit message(problem, true);
}

void MappingPanel::chooseSave() {
    const QString suggested = QFileInfo(path_).dir().filePath(tableBaseName(path_) + QStringLiteral("_mapping.json"));
    const QString path = chooser_ ? chooser_(true, suggested) : QString();
    if (path.isEmpty())
        return;
    QString problem;
    if (saveSpec(path, &problem))
        emit message(tr("Mapping written to %1.").arg(QFileInfo(path).fileName()), false);
    else
        emit message(problem, true);
}

} // namespace starlocus::ui
