// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// ScienceTab: the paper's Figs. 6–12 for one model + catalog, one view at a time (view
// selector), with the linked selection they share (box select, count, export, clear),
// figure export and "copy as command". The main window places it; it knows nothing of
// the window.
#include "ui/science/science_data.h"

#include <QFutureWatcher>
#include <QWidget>
#include <memory>
#include <vector>

class QComboBox;
class QLabel;
class QPushButton;
class QStackedWidget;
class QToolButton;

namespace starlocus::ui {

class ScienceView;
class StarSelection;

class ScienceTab : public QWidget {
    Q_OBJECT
public:
    explicit ScienceTab(QWidget* parent = nullptr);
    ~ScienceTab() override;

    // Ready data (tests, starlocus-figures).
    void setData(std::shared_ptr<const ScienceData> data);
    // Computes the data off the GUI thread (seconds for 10⁵ stars), then shows it; until
    // then every view says that it is being prepared. A model or catalog left null is
    // named in place instead.
    void open(ScienceInput input);
    // No data: every view says `what` in place (e.g. which of model and catalog is missing).
    void showMissing(const QString& what);
    bool isPreparing() const { return awaitingResult_; }
    // The shown model was saved to `path`: "copy as command" names it from now on. The
    // views keep their data and the selection.
    void setModelFile(const QString& path);
    std::shared_ptr<const ScienceData> data() const { return data_; }

    const std::vector<ScienceView*>& views() const { return views_; }
    ScienceView* view(const QString& name) const;
    ScienceView* currentView() const;
    // False for an unknown name.
    bool showView(const QString& name);

    StarSelection* selection() const { return selection_; }
    void setBoxSelectMode(bool on);
    void setLassoSelectMode(bool on);

signals:
    void dataReady();
    void dataFailed(const QString& reason);

protected:
    void changeEvent(QEvent* event) override;

private:
    void viewChosen(int index);
    void updateSelectionText();
    void exportSelection();
    void exportFigure();
    void copyCommand();
    void retranslate();
    void clearData(const QString& reason);
    void updateActions();

    std::shared_ptr<const ScienceData> data_;
    std::vector<ScienceView*> views_;
    std::vector<bool> stale_; // view has not seen data_ yet (views are drawn when shown)
    StarSelection* selection_;
    QComboBox* chooser_;
    QStackedWidget* stack_;
    QToolButton* boxSelect_;
    QToolButton* lassoSelect_;
    QLabel* count_;
    QPushButton* clear_;
    QPushButton* exportSelection_;
    QPushButton* exportFigure_;
    QPushButton* copyCommand_;
    QLabel* status_;
    QFutureWatcher<std::shared_ptr<const ScienceData>>* watcher_;
    bool awaitingResult_ = false;
};

} // namespace starlocus::ui
