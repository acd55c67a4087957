// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/science/science_tab.h"

#include "ui/science/figure_export_dialog.h"
#include "ui/science/science_view.h"
#include "ui/science/science_views.h"
#include "ui/science/star_selection.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace starlocus::ui {

ScienceTab::ScienceTab(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("scienceTab"));
    selection_ = new StarSelection(this);
    chooser_ = new QComboBox(this);
    chooser_->setObjectName(QStringLiteral("scienceViewChooser"));
    stack_ = new QStackedWidget(this);
    views_ = makeScienceViews(stack_);
    for (ScienceView* view : views_) {
        stack_->addWidget(view);
        view->setSelection(selection_);
        chooser_->addItem(view->title(), view->viewName());
    }
    stale_.assign(views_.size(), false);
    boxSelect_ = new QToolButton(this);
    boxSelect_->setObjectName(QStringLiteral("boxSelectButton"));
    boxSelect_->setCheckable(true);
    lassoSelect_ = new QToolButton(this);
    lassoSelect_->setObjectName(QStringLiteral("lassoSelectButton"));
    lassoSelect_->setCheckable(true);
    count_ = new QLabel(this);
    count_->setObjectName(QStringLiteral("selectionCount"));
    clear_ = new QPushButton(this);
    exportSelection_ = new QPushButton(this);
    exportFigure_ = new QPushButton(this);
    copyCommand_ = new QPushButton(this);
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("scienceStatus"));
    status_->setWordWrap(true);

    auto* bar = new QHBoxLayout;
    bar->addWidget(chooser_, 1);
    bar->addSpacing(12);
    bar->addWidget(boxSelect_);
    bar->addWidget(lassoSelect_);
    bar->addWidget(count_);
    bar->addWidget(clear_);
    bar->addWidget(exportSelection_);
    bar->addSpacing(12);
    bar->addWidget(exportFigure_);
    bar->addWidget(copyCommand_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(status_);
    layout->addWidget(stack_, 1);

    watcher_ = new QFutureWatcher<std::shared_ptr<const ScienceData>>(this);
    connect(watcher_, &QFutureWatcherBase::finished, this, [this] {
        if (!awaitingResult_)
            return;
        awaitingResult_ = false;
        try {
            setData(watcher_->result());
        } catch (const std::exception& e) {
            const QString reason = tr("Could not prepare the science views: %1").arg(QString::fromUtf8(e.what()));
            clearData(reason);
            emit dataFailed(reason);
        }
    });
    connect(chooser_, &QComboBox::currentIndexChanged, this, &ScienceTab::viewChosen);
    connect(boxSelect_, &QToolButton::toggled, this, &ScienceTab::setBoxSelectMode);
    connect(lassoSelect_, &QToolButton::toggled, this, &ScienceTab::setLassoSelectMode);
    connect(selection_, &StarSelection::changed, this, &ScienceTab::updateSelectionText);
    connect(clear_, &QPushButton::clicked, selection_, &StarSelection::clear);
    connect(exportSelection_, &QPushButton::clicked, this, &ScienceTab::exportSelection);
    connect(exportFigure_, &QPushButton::clicked, this, &ScienceTab::exportFigure);
    connect(copyCommand_, &QPushButton::clicked, this, &ScienceTab::copyCommand);
    retranslate();
}

ScienceTab::~ScienceTab() = default;

void ScienceTab::setData(std::shared_ptr<const ScienceData> data) {
    data_ = std::move(data);
    selection_->clear();
    stale_.assign(views_.size(), true);
    viewChosen(chooser_->currentIndex());
    if (data_) {
        const auto& sel = data_->products.selection;
        QString text = sel.choice == core::ScienceStarChoice::TestSplit
                           ? tr("%Ln test star(s) of the model's training run; reddening re-fitted (Eqs. 8–9).", nullptr,
                                int(data_->size()))
                           : tr("All %Ln star(s) of the catalog; reddening re-fitted (Eqs. 8–9).", nullptr, int(data_->size()));
        if (!sel.note.empty())
            text += QLatin1Char(' ') + tr("(Not the test split: %1.)").arg(QString::fromStdString(sel.note));
        status_->setText(text);
    } else {
        status_->clear();
    }
    status_->setVisible(!status_->text().isEmpty());
    updateActions();
    emit dataReady();
}

void ScienceTab::open(ScienceInput input) {
    if (!input.model || !input.catalog) {
        showMissing(!input.model && !input.catalog ? tr("Open a model and a catalog to see the science views.")
                    : !input.model                 ? tr("No model: open or train one to see the science views.")
                                                   : tr("No catalog: open one to see the science views."));
        return;
    }
    clearData(tr("Preparing the science views for %Ln star(s)…", nullptr, int(input.catalog->size())));
    awaitingResult_ = true;
    watcher_->setFuture(QtConcurrent::run([input = std::move(input)] { return makeScienceData(input); }));
}

void ScienceTab::showMissing(const QString& what) {
    awaitingResult_ = false; // a result still being computed belongs to what was open before
    clearData(what);
}

void ScienceTab::setModelFile(const QString& path) {
    if (!data_ || data_->modelPath == path)
        return;
    auto renamed = std::make_shared<ScienceData>(*data_); // the data are immutable: a copy with the new name
    renamed->modelPath = path;
    renamed->normalizationPath.clear(); // our model file carries its normalisation
    data_ = std::move(renamed);
    stale_.assign(views_.size(), true);
    viewChosen(chooser_->currentIndex());
    updateActions();
}

void ScienceTab::clearData(const QString& reason) {
    status_->clear(); // each view says it in place; once is enough
    status_->hide();
    for (ScienceView* v : views_)
        v->setEmptyText(reason);
    data_.reset();
    selection_->clear();
    stale_.assign(views_.size(), true);
    viewChosen(chooser_->currentIndex());
    updateActions();
}

void ScienceTab::updateActions() {
    // Without stars there is nothing to select, export or reproduce.
    const bool drawn = data_ && data_->size() > 0;
    boxSelect_->setEnabled(drawn);
    lassoSelect_->setEnabled(drawn);
    exportFigure_->setEnabled(drawn);
    // The command names the files; a model trained here (unsaved) or the synthetic sky has none.
    const bool fromFiles = drawn && !data_->modelPath.isEmpty() && !data_->catalogPath.isEmpty();
    copyCommand_->setEnabled(fromFiles);
    copyCommand_->setToolTip(drawn && !fromFiles
                                 ? tr("The command needs the model and the catalog as files: save the trained model "
                                      "(File ▸ Save Model) and open it with a catalog file")
                                 : tr("Copy the starlocus-figures line that reproduces this view"));
}

ScienceView* ScienceTab::view(const QString& name) const {
    for (ScienceView* v : views_)
        if (v->viewName() == name)
            return v;
    return nullptr;
}

ScienceView* ScienceTab::currentView() const { return qobject_cast<ScienceView*>(stack_->currentWidget()); }

bool ScienceTab::showView(const QString& name) {
    const int index = chooser_->findData(name);
    if (index < 0)
        return false;
    chooser_->setCurrentIndex(index);
    viewChosen(index);
    return true;
}

void ScienceTab::viewChosen(int index) {
    if (index < 0 || index >= int(views_.size()))
        return;
    stack_->setCurrentIndex(index);
    if (stale_[std::size_t(index)]) {
        stale_[std::size_t(index)] = false;
        views_[std::size_t(index)]->setData(data_);
    }
}

void ScienceTab::setBoxSelectMode(bool on) {
    if (boxSelect_->isChecked() != on)
        boxSelect_->setChecked(on);
    if (on && lassoSelect_->isChecked())
        lassoSelect_->setChecked(false); // one tool at a time
    for (ScienceView* v : views_)
        if (on || v->selectionTool() == SelectionTool::Box)
            v->setSelectionTool(on ? SelectionTool::Box : SelectionTool::None);
}

void ScienceTab::setLassoSelectMode(bool on) {
    if (lassoSelect_->isChecked() != on)
        lassoSelect_->setChecked(on);
    if (on && boxSelect_->isChecked())
        boxSelect_->setChecked(false);
    for (ScienceView* v : views_)
        if (on || v->selectionTool() == SelectionTool::Lasso)
            v->setSelectionTool(on ? SelectionTool::Lasso : SelectionTool::None);
}

void ScienceTab::updateSelectionText() {
    count_->setText(selection_->isEmpty() ? tr("no stars selected")
                                          : tr("%Ln star(s) selected", nullptr, int(selection_->count())));
    clear_->setEnabled(!selection_->isEmpty());
    exportSelection_->setEnabled(!selection_->isEmpty());
}

void ScienceTab::exportSelection() {
    if (!data_ || selection_->isEmpty())
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Selected Stars"), QStringLiteral("selection.csv"),
                                                      tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!selection_->exportCsv(path, *data_, &error))
        QMessageBox::warning(this, tr("Could not export the selection"), error);
}

void ScienceTab::exportFigure() {
    ScienceView* v = currentView();
    if (!v || !data_)
        return;
    FigureExportDialog dialog(v->defaultSizeMm(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const FigureExportChoice choice = dialog.choice();
    const QString suffix = choice.format == FigureFormat::Pdf   ? QStringLiteral(".pdf")
                           : choice.format == FigureFormat::Svg ? QStringLiteral(".svg")
                                                                : QStringLiteral(".png");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Figure"), v->fileStem() + suffix);
    if (path.isEmpty())
        return;
    QString error;
    if (!v->exportFigure(choice.request(path), choice.companionCsv, &error))
        QMessageBox::warning(this, tr("Could not export the figure"), error);
}

void ScienceTab::copyCommand() {
    if (ScienceView* v = currentView())
        QApplication::clipboard()->setText(v->commandLine());
}

void ScienceTab::retranslate() {
    boxSelect_->setText(tr("&Select Box"));
    boxSelect_->setToolTip(tr("Drag a box in any panel to select the stars inside it; they are highlighted in every view"));
    lassoSelect_->setText(tr("&Lasso"));
    lassoSelect_->setToolTip(tr("Draw a closed outline in any panel to select the stars inside it"));
    clear_->setText(tr("C&lear Selection"));
    exportSelection_->setText(tr("Export Selection…"));
    exportFigure_->setText(tr("&Export Figure…"));
    copyCommand_->setText(tr("Copy as Command"));
    for (std::size_t i = 0; i < views_.size(); ++i)
        chooser_->setItemText(int(i), views_[i]->title());
    updateSelectionText();
    updateActions(); // its tooltips
}

void ScienceTab::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

} // namespace starlocus::ui
