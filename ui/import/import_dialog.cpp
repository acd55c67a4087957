// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/import/import_dialog.h"

#include "ui/import/field_mapping_model.h"
#include "ui/import/mapping_panel.h"
#include "ui/import/rule_count_job.h"
#include "ui/import/rule_panel.h"
#include "ui/import/rule_settings_model.h"
#include "ui/import/table_file_types.h"
#include "ui/import/table_list_panel.h"
#include "ui/import/table_load_job.h"
#include "ui/import/table_preview_model.h"

#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace starlocus::ui {
namespace {

namespace imp = core::import;

QString fileName(const QString& path) { return QFileInfo(path).fileName(); }

} // namespace

ImportDialog::ImportDialog(QWidget* parent) : QDialog(parent) {
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(tr("Import Survey Tables"));
    setAcceptDrops(true);
    // Room for the mapping and the rules side by side; less on a small screen.
    QSize size(1380, 860);
    if (const QScreen* where = screen(); where && where->availableSize().width() >= 1024)
        size = size.boundedTo(where->availableSize() * 0.95);
    resize(size);

    tableList_ = new TableListPanel(this);
    mapping_ = new MappingPanel(this);
    previewModel_ = new TablePreviewModel(this);
    previewView_ = new QTableView(this);
    previewView_->setObjectName(QStringLiteral("previewView"));
    previewView_->setModel(previewModel_);
    previewView_->setAlternatingRowColors(true);
    previewView_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    previewView_->setWordWrap(false);
    previewView_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    previewView_->horizontalHeader()->setMaximumSectionSize(260);
    previewView_->verticalHeader()->setDefaultSectionSize(previewView_->fontMetrics().height() + 6);
    tabs_ = new QTabWidget(this);
    tabs_->setObjectName(QStringLiteral("importTabs"));
    tabs_->addTab(mapping_, tr("&Mapping"));
    tabs_->addTab(previewView_, tr("Pre&view (first %1 rows)").arg(kPreviewRows));

    rules_ = new RulePanel(this);
    auto* rulesBox = new QGroupBox(tr("Rules (the paper's §3) and what they do to these tables"), this);
    auto* rulesLayout = new QVBoxLayout(rulesBox);
    rulesLayout->addWidget(rules_);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("importSplitter"));
    splitter->addWidget(tabs_);
    splitter->addWidget(rulesBox);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({720, 660});

    messageLabel_ = new QLabel(this);
    messageLabel_->setObjectName(QStringLiteral("importMessage"));
    messageLabel_->setWordWrap(true);
    messageLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    importProgress_ = new QProgressBar(this);
    importProgress_->setObjectName(QStringLiteral("importProgress"));
    importProgress_->setMaximumWidth(240);
    importProgress_->setVisible(false);
    cancelImport_ = new QPushButton(tr("Cancel Import"), this);
    cancelImport_->setObjectName(QStringLiteral("cancelImportButton"));
    cancelImport_->setVisible(false);
    import_ = new QPushButton(tr("&Import…"), this);
    import_->setObjectName(QStringLiteral("importButton"));
    import_->setDefault(true);
    import_->setToolTip(tr("Write the catalog (Green2020 layout) and its report, then open it"));
    close_ = new QPushButton(tr("Close"), this);
    close_->setObjectName(QStringLiteral("closeButton"));
    close_->setAutoDefault(false);
    connect(import_, &QPushButton::clicked, this, &ImportDialog::chooseOutputAndImport);
    connect(cancelImport_, &QPushButton::clicked, this, &ImportDialog::cancelImport);
    connect(close_, &QPushButton::clicked, this, &ImportDialog::reject);

    auto* bottom = new QHBoxLayout;
    bottom->addWidget(messageLabel_, 1);
    bottom->addWidget(importProgress_);
    bottom->addWidget(cancelImport_);
    bottom->addWidget(import_);
    bottom->addWidget(close_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(tableList_);
    layout->addWidget(splitter, 1);
    layout->addLayout(bottom);

    connect(tableList_, &TableListPanel::addRequested, this, &ImportDialog::chooseTables);
    connect(tableList_, &TableListPanel::removeRequested, this, &ImportDialog::removeTable);
    connect(tableList_, &TableListPanel::currentTableChanged, this, &ImportDialog::showTable);
    connect(mapping_, &MappingPanel::mappingChanged, this, &ImportDialog::mappingEdited);
    connect(mapping_, &MappingPanel::specFileChanged, this, [this](const QString& path) {
        if (current_ < 0)
            return;
        tables_[std::size_t(current_)].specFile = path;
        tables_[std::size_t(current_)].specMapping = mapping_->mapping().toJson();
    });
    connect(mapping_, &MappingPanel::resetRequested, this, [this] {
        if (current_ < 0)
            return;
        LoadedTable& t = tables_[std::size_t(current_)];
        mapping_->setTable(t.preview->path, t.preview->columns, t.detected, t.presets);
        mappingEdited();
    });
    connect(mapping_, &MappingPanel::message, this, &ImportDialog::showMessage);
    connect(rules_, &RulePanel::settingsChanged, this, &ImportDialog::requestCount);

    outputChooser_ = [this](const QString& suggested) {
        return QFileDialog::getSaveFileName(this, tr("Imported Catalog"), suggested,
                                            tr("HDF5 catalogs (*.h5 *.hdf5);;All files (*)"));
    };
    tableChooser_ = [this](const QString& folder) {
        return QFileDialog::getOpenFileNames(this, tr("Add Survey Tables"), folder, tableFileFilter());
    };
    createJobs();
    showMessage(tr("Add the survey tables to import (FITS, CSV, ECSV, VOTable; gzip-compressed too), or drop them "
                   "here."),
                false);
    updateButtons();
}

ImportDialog::~ImportDialog() = default;

void ImportDialog::createJobs() {
    loader_ = new TableLoadJob(this);
    connect(loader_, &TableLoadJob::started, this, [this](const QString& path, TableLoadJob::Stage stage) {
        tableList_->showLoading(stage == TableLoadJob::Stage::Probing
                                    ? tr("Checking %1 in a separate process…").arg(fileName(path))
                                    : tr("Reading %1…").arg(fileName(path)),
                                0, -1);
        updateButtons();
    });
    connect(loader_, &TableLoadJob::progressed, this, [this](const QString& path, qint64 rows, qint64 total) {
        tableList_->showLoading(tr("Reading %1… %2 rows").arg(fileName(path), QLocale().toString(rows)), rows, total);
    });
    connect(loader_, &TableLoadJob::loaded, this, &ImportDialog::onTableLoaded);
    connect(loader_, &TableLoadJob::failed, this, [this](const QString& path, const QString& text) {
        showMessage(text, true);
        emit tableFailed(path, text);
    });
    connect(loader_, &TableLoadJob::cancelled, this, [this](const QString& path) {
        showMessage(tr("Loading %1 was cancelled.").arg(fileName(path)), false);
    });
    connect(loader_, &TableLoadJob::idle, this, [this] {
        tableList_->hideLoading();
        updateButtons();
    });
    connect(tableList_, &TableListPanel::cancelRequested, loader_, &TableLoadJob::cancel);

    counter_ = new RuleCountJob(this);
    connect(counter_, &RuleCountJob::started, this, [this] { rules_->showCounting(-1); });
    connect(counter_, &RuleCountJob::progressed, this, [this](qint64 rows) { rules_->showCounting(rows); });
    connect(counter_, &RuleCountJob::finished, this, [this](std::shared_ptr<const RuleCounts> counts) {
        rules_->showCounts(std::move(counts));
        updateButtons();
    });
    connect(counter_, &RuleCountJob::failed, this, [this](const QString& text) {
        rules_->showCountProblem(text);
        updateButtons();
    });

    importer_ = new ImportJob(this);
    connect(importer_, &ImportJob::progressed, this, [this](qint64 rows, qint64 total, bool writing) {
        if (writing) {
            importProgress_->setRange(0, 0);
            importProgress_->setFormat(QString());
            showMessage(tr("Writing the catalog…"), false);
            return;
        }
        if (total > 0) {
            importProgress_->setRange(0, 1000);
            importProgress_->setValue(int(1000.0 * double(std::min(rows, total)) / double(total)));
        } else {
            importProgress_->setRange(0, 0);
        }
        showMessage(tr("Importing… %1 rows read").arg(QLocale().toString(rows)), false);
    });
    connect(importer_, &ImportJob::finished, this, &ImportDialog::importEnded);
}

QStringList ImportDialog::tablePaths() const {
    QStringList paths;
    for (const LoadedTable& t : tables_)
        paths << t.preview->path;
    return paths;
}

void ImportDialog::addTables(const QStringList& paths) {
    QStringList fresh;
    const QStringList loaded = tablePaths();
    for (const QString& path : paths) {
        const QString absolute = QFileInfo(path).absoluteFilePath();
        if (loaded.contains(absolute) || fresh.contains(absolute))
            continue;
        fresh << absolute;
    }
    if (fresh.isEmpty())
        return;
    lastFolder_ = QFileInfo(fresh.front()).absolutePath();
    loader_->load(fresh);
    updateButtons();
}

void ImportDialog::chooseTables() {
    const QStringList paths = tableChooser_ ? tableChooser_(lastFolder_) : QStringList();
    addTables(paths);
}

void ImportDialog::onTableLoaded(std::shared_ptr<const TablePreview> preview) {
    LoadedTable t;
    imp::DetectedMapping detected = imp::detectMapping(preview->columns, {});
    t.detected = detected.mapping;
    t.mapping = detected.mapping;
    t.presets = std::move(detected.matches);
    t.preview = std::move(preview);
    tables_.push_back(std::move(t));
    const QString path = tables_.back().preview->path;
    tableList_->addTable(*tables_.back().preview); // selects it: showTable
    showMessage(tr("%1 loaded.").arg(fileName(path)), false);
    requestCount();
    updateButtons();
    emit tableLoaded(path);
}

void ImportDialog::showTable(int row) {
    current_ = row;
    if (row < 0 || row >= int(tables_.size())) {
        current_ = -1;
        mapping_->clear();
        previewModel_->setPreview(nullptr);
        return;
    }
    const LoadedTable& t = tables_[std::size_t(row)];
    mapping_->setTable(t.preview->path, t.preview->columns, t.mapping, t.presets);
    previewModel_->setPreview(t.preview);
}

void ImportDialog::removeTable(int row) {
    if (row < 0 || row >= int(tables_.size()) || isImporting())
        return;
    tables_.erase(tables_.begin() + row);
    tableList_->removeTable(row); // selects a neighbour (or none): showTable
    if (tables_.empty())
        showTable(-1);
    requestCount();
    updateButtons();
}

void ImportDialog::mappingEdited() {
    if (current_ < 0)
        return;
    tables_[std::size_t(current_)].mapping = mapping_->mapping();
    requestCount();
    updateButtons();
}

std::vector<core::import::ImportSource> ImportDialog::sources() const {
    std::vector<imp::ImportSource> out;
    for (const LoadedTable& t : tables_) {
        imp::ImportSource s;
        s.path = t.preview->path.toStdString();
        const nlohmann::json mapping = t.mapping.toJson();
        if (mapping == t.detected.toJson())
            s.presets = {}; // the presets as detected: the report then names them
        else {
            s.mapping = t.mapping;
            s.mappingFile = !t.specFile.isEmpty() && mapping == t.specMapping
                                ? t.specFile.toStdString()
                                : s.path + " (mapping edited in the import dialog)";
        }
        out.push_back(std::move(s));
    }
    return out;
}

void ImportDialog::requestCount() {
    if (tables_.empty()) {
        counter_->cancel();
        rules_->clearCounts();
        return;
    }
    rules_->showCounting(-1);
    counter_->request(sources(), rules_->settings());
}

std::shared_ptr<const RuleCounts> ImportDialog::counts() const { return rules_->model()->counts(); }

bool ImportDialog::isLoading() const { return loader_->isBusy(); }
bool ImportDialog::isCounting() const { return counter_->isBusy(); }
bool ImportDialog::isImporting() const { return importer_->isRunning(); }

QString ImportDialog::suggestedCatalogPath() const {
    if (tables_.empty())
        return {};
    const QString first = tables_.front().preview->path;
    return QFileInfo(first).dir().filePath(tableBaseName(first) + QStringLiteral("_catalog.h5"));
}

QString ImportDialog::importBlocker() const {
    if (tables_.empty())
        return tr("Add a table first.");
    if (isLoading())
        return tr("Wait until the tables are loaded.");
    for (const LoadedTable& t : tables_) {
        QStringList problems;
        // The problems of a table's own mapping, as the mapping table shows them.
        FieldMappingModel model;
        model.setTable(t.preview->columns, t.mapping);
        problems = model.problems();
        if (!problems.isEmpty())
            return tr("%1: the mapping is not complete: %2").arg(fileName(t.preview->path), problems.join(QStringLiteral("; ")));
    }
    return {};
}

void ImportDialog::updateButtons() {
    const bool importing = isImporting();
    import_->setEnabled(!importing && !tables_.empty() && !isLoading());
    tableList_->addButton()->setEnabled(!importing);
    mapping_->setEnabled(!importing && current_ >= 0);
    rules_->setEnabled(!importing);
}

bool ImportDialog::startImport(const QString& catalogPath) {
    if (isImporting())
        return false;
    if (const QString blocker = importBlocker(); !blocker.isEmpty()) {
        showMessage(blocker, true);
        return false;
    }
    const QFileInfo out(catalogPath);
    for (const LoadedTable& t : tables_)
        if (QFileInfo(t.preview->path).canonicalFilePath() == out.canonicalFilePath() && out.exists()) {
            showMessage(tr("%1: the catalog would overwrite one of the tables it is imported from").arg(catalogPath), true);
            return false;
        }
    const QFileInfo folder(out.absolutePath());
    if (!folder.isDir() || !folder.isWritable()) {
        showMessage(tr("%1: the folder %2 does not exist or cannot be written").arg(catalogPath, out.absolutePath()), true);
        return false;
    }
    qint64 totalRows = 0;
    for (const LoadedTable& t : tables_)
        totalRows = t.preview->rows && totalRows >= 0 ? totalRows + qint64(*t.preview->rows) : -1;
    counter_->cancel(); // the import reads the tables itself
    closeAfterImport_ = false;
    importer_->start(sources(), rules_->settings(), out.absoluteFilePath(), totalRows);
    importProgress_->setVisible(true);
    cancelImport_->setVisible(true);
    showMessage(tr("Importing…"), false);
    updateButtons();
    return true;
}

void ImportDialog::chooseOutputAndImport() {
    if (const QString blocker = importBlocker(); !blocker.isEmpty()) {
        showMessage(blocker, true);
        return;
    }
    const QString path = outputChooser_ ? outputChooser_(suggestedCatalogPath()) : QString();
    if (!path.isEmpty())
        startImport(path);
}

void ImportDialog::cancelImport() { importer_->cancel(); }

void ImportDialog::importEnded(const ImportOutcome& outcome) {
    importProgress_->setVisible(false);
    cancelImport_->setVisible(false);
    updateButtons();
    emit importFinished(outcome);
    if (outcome.cancelled) {
        showMessage(tr("The import was cancelled: nothing was written."), false);
        requestCount();
    } else if (!outcome.error.isEmpty()) {
        showMessage(outcome.error, true);
        requestCount();
    } else {
        showMessage(tr("%1 stars of %2 rows written to %3 (report: %4).")
                        .arg(QLocale().toString(qulonglong(outcome.starsOut)), QLocale().toString(qulonglong(outcome.rowsIn)),
                             outcome.catalogPath, fileName(outcome.reportPath)),
                    false);
        emit catalogImported(outcome.catalogPath);
        accept();
        return;
    }
    if (closeAfterImport_)
        QDialog::reject();
}

void ImportDialog::reject() {
    if (isImporting()) { // close once the import has stopped (a write in progress ends first)
        closeAfterImport_ = true;
        importer_->cancel();
        return;
    }
    loader_->cancel();
    counter_->cancel();
    QDialog::reject();
}

void ImportDialog::showMessage(const QString& text, bool error) {
    message_ = text;
    messageIsError_ = error;
    messageLabel_->setText(text);
    messageLabel_->setStyleSheet(error ? QStringLiteral("color: #c62828") : QString());
}

void ImportDialog::dragEnterEvent(QDragEnterEvent* event) {
    if (!droppedTableFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void ImportDialog::dropEvent(QDropEvent* event) {
    const QStringList paths = droppedTableFiles(event->mimeData());
    if (paths.isEmpty())
        return;
    addTables(paths);
    event->acceptProposedAction();
}

} // namespace starlocus::ui
