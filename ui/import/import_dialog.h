// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// ImportDialog (File ▸ Import Table…): survey tables → mapping → the §3 rules → a Green2020
// catalog, the GUI's face of core/import (issue 15; `starlocus-cli import` does the same in
// batch). Each table is loaded in the background (TableLoadJob: the probe child first), its
// columns matched against the presets (detectMapping) and shown with a preview of its first
// rows; the mapping can be edited field by field, loaded and saved as a spec. The rules can be
// switched and tuned, and what each removes on the loaded tables is recounted live
// (RuleCountJob). Import… writes the catalog and its report JSON in the background (ImportJob)
// and hands the catalog's path over (catalogImported) for the main window to open it.
#include "core/import/column_mapping.h"
#include "core/import/mapping_presets.h"
#include "core/import/table_import.h"
#include "ui/import/import_job.h"

#include <QDialog>
#include <QStringList>
#include <nlohmann/json.hpp>
#include <functional>
#include <memory>
#include <vector>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QTabWidget;

namespace starlocus::ui {

class ImportJob;
class MappingPanel;
class RuleCountJob;
class RulePanel;
class TableListPanel;
class TableLoadJob;
class TablePreviewModel;
struct RuleCounts;
struct TablePreview;

class ImportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ImportDialog(QWidget* parent = nullptr);
    ~ImportDialog() override;

    // Loads the tables (in the background, one after another); a table already loaded is skipped.
    void addTables(const QStringList& paths);
    int tableCount() const { return int(tables_.size()); }
    QStringList tablePaths() const;
    // The import sources as the dialog would import them now (mapping as edited).
    std::vector<core::import::ImportSource> sources() const;

    bool isLoading() const;
    bool isCounting() const;
    bool isImporting() const;
    // The last message the dialog showed (an error names the file and field), and whether it is one.
    QString message() const { return message_; }
    bool messageIsError() const { return messageIsError_; }

    // Imports into `catalogPath` without asking (the Import button asks first); false, with
    // the reason shown, when the import cannot start.
    bool startImport(const QString& catalogPath);
    void cancelImport();
    // The catalog path Import… suggests: beside the first table, <name>_catalog.h5.
    QString suggestedCatalogPath() const;

    // How Import… asks for the catalog's path (default: a save dialog) and Add… for tables.
    using OutputChooser = std::function<QString(const QString& suggested)>;
    void setOutputChooser(OutputChooser chooser) { outputChooser_ = std::move(chooser); }
    using TableChooser = std::function<QStringList(const QString& folder)>;
    void setTableChooser(TableChooser chooser) { tableChooser_ = std::move(chooser); }

    TableListPanel* tableList() const { return tableList_; }
    MappingPanel* mapping() const { return mapping_; }
    RulePanel* rules() const { return rules_; }
    TablePreviewModel* previewModel() const { return previewModel_; }
    QTableView* previewView() const { return previewView_; }
    QTabWidget* tabs() const { return tabs_; }
    QPushButton* importButton() const { return import_; }
    QPushButton* cancelImportButton() const { return cancelImport_; }
    QLabel* messageLabel() const { return messageLabel_; }
    RuleCountJob* countJob() const { return counter_; }
    ImportJob* importJob() const { return importer_; }
    // The counts shown (null before the first count, or when it failed).
    std::shared_ptr<const RuleCounts> counts() const;

public slots:
    void chooseTables();
    void chooseOutputAndImport();
    void reject() override;

signals:
    // The catalog is written (its report beside it); the main window opens it.
    void catalogImported(const QString& catalogPath);
    void tableLoaded(const QString& path);
    void tableFailed(const QString& path, const QString& message);
    void importFinished(const starlocus::ui::ImportOutcome& outcome);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    struct LoadedTable {
        std::shared_ptr<const TablePreview> preview;
        core::import::ColumnMapping detected; // what the presets found
        std::vector<core::import::PresetMatch> presets;
        core::import::ColumnMapping mapping; // as edited
        QString specFile;                    // the spec last loaded for it
        nlohmann::json specMapping;          // that spec's mapping (an edit after it makes it the dialog's)
    };

    void createJobs();
    void onTableLoaded(std::shared_ptr<const TablePreview> preview);
    void showTable(int row);
    void removeTable(int row);
    void mappingEdited();
    void requestCount();
    void importEnded(const ImportOutcome& outcome);
    void showMessage(const QString& text, bool error);
    void updateButtons();
    // Why the import cannot start now; empty when it can.
    QString importBlocker() const;

    std::vector<LoadedTable> tables_;
    int current_ = -1;
    TableListPanel* tableList_;
    QTabWidget* tabs_;
    MappingPanel* mapping_;
    TablePreviewModel* previewModel_;
    QTableView* previewView_;
    RulePanel* rules_;
    QLabel* messageLabel_;
    QProgressBar* importProgress_;
    QPushButton* import_;
    QPushButton* cancelImport_;
    QPushButton* close_;
    TableLoadJob* loader_ = nullptr;
    RuleCountJob* counter_ = nullptr;
    ImportJob* importer_ = nullptr;
    OutputChooser outputChooser_;
    TableChooser tableChooser_;
    QString message_;
    bool messageIsError_ = false;
    bool closeAfterImport_ = false;
    QString lastFolder_;
};

} // namespace starlocus::ui
