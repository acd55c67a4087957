// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// ScienceView: what every science view (Figs. 6–12) shares, so that each view only
// computes its numbers (core/diagnostics) and draws them:
//  - a grid of panels, each a PlotFrame, rebuilt from the data and the view's settings;
//  - settings as KEY=VALUE text (the same text the GUI choosers and `starlocus-figures
//    --set` use), so "copy as command" reproduces the view exactly;
//  - notes in place: a panel that lacks what it needs says so inside the plot (and in
//    exported figures);
//  - linked selection: each panel registers where every star sits; a dragged box selects
//    the stars inside it, and every view highlights the selected stars;
//  - export of all panels as one figure (figure_export), with an optional companion CSV.
#include "ui/plot/figure_export.h"
#include "ui/science/science_data.h"

#include <QMap>
#include <QPolygonF>
#include <QStringList>
#include <QWidget>
#include <memory>
#include <span>
#include <vector>

class QComboBox;
class QCPCurve;
class QCPGraph;
class QCPItemText;
class QGridLayout;
class QHBoxLayout;
class QLabel;

namespace starlocus::ui {

class PlotFrame;
class StarSelection;

// What a left-drag does in a panel: pan (None), select in a box, or select in a lasso.
enum class SelectionTool { None, Box, Lasso };

class ScienceView : public QWidget {
    Q_OBJECT
public:
    explicit ScienceView(QWidget* parent = nullptr);
    ~ScienceView() override;

    // Name for --view ("cmd", "scores", …), file stem ("fig06_cmd") and a title for menus.
    virtual QString viewName() const = 0;
    virtual QString fileStem() const = 0;
    virtual QString title() const = 0;

    void setData(std::shared_ptr<const ScienceData> data);
    const ScienceData* data() const { return data_.get(); }
    // What the view says in place while it has no data (why not, or that it is coming).
    void setEmptyText(const QString& text);
    // The text in place of the panels (empty when the panels are drawn without notes).
    QString messageText() const;
    void setSelection(StarSelection* selection);
    void setSelectionTool(SelectionTool tool);
    SelectionTool selectionTool() const { return tool_; }
    // Box selection instead of pan/zoom on left-drag (setSelectionTool(Box / None)).
    void setBoxSelectMode(bool on) { setSelectionTool(on ? SelectionTool::Box : SelectionTool::None); }
    bool boxSelectMode() const { return tool_ == SelectionTool::Box; }

    // Settings: every key with its current value; setSetting validates (false with a reason
    // naming the key) and redraws.
    QMap<QString, QString> settings() const { return settings_; }
    bool setSetting(const QString& key, const QString& value, QString* error = nullptr);

    // What is missing for this view with this data (empty when everything could be drawn).
    QStringList notes() const { return notes_; }

    std::span<PlotFrame* const> panels() const { return frames_; }
    int columns() const { return columns_; }
    // Default physical size: A&A two columns wide for multi-panel figures.
    virtual QSizeF defaultSizeMm() const;

    bool exportFigure(const FigureExportRequest& request, bool companionCsv = false, QString* error = nullptr);
    // The `starlocus-figures` line that reproduces this view.
    QString commandLine(const QString& outDir = QStringLiteral("figures")) const;

    // Synchronous redraw of every panel (the benchmark times it).
    void redraw();
    // Recompute from data and settings and draw.
    void rebuild();

signals:
    void rebuilt();

protected:
    // Declares a setting with its default (and the allowed values, if a fixed set).
    void declareSetting(const QString& key, const QString& defaultValue, const QStringList& choices = {});
    // Checks a value of one of this view's keys (empty = fine). Called after the choices test.
    virtual QString validateSetting(const QString& key, const QString& value) const;
    QString setting(const QString& key) const { return settings_.value(key); }
    // A combo box in the controls row bound to a setting (ids are the setting values).
    QComboBox* addChooser(const QString& key, const QString& label, const QStringList& ids,
                          const QStringList& display = {});

    // The view draws its panels here; panels() are fresh and empty when it is called.
    virtual void draw() = 0;
    // Creates `count` empty panels, `columns` per row (called by draw()).
    void makePanels(int count, int columns);
    PlotFrame* panel(int index) const { return frames_[std::size_t(index)]; }
    // Where every star sits on a panel (size() of both = data()->size(); NaN = not shown):
    // what a dragged box selects and where the highlight goes.
    void setStarPositions(int panel, std::vector<double> x, std::vector<double> y);
    // A note inside a panel (what is missing there); also listed in notes().
    void addPanelNote(int panel, const QString& text);
    // A note for the whole view (no panel can be drawn).
    void addNote(const QString& text);

    void changeEvent(QEvent* event) override;
    // The lasso: mouse events of the panels while the lasso tool is on.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct PanelState {
        QCPGraph* highlight = nullptr;
        QCPCurve* lasso = nullptr; // the outline while dragging
        std::vector<double> x, y;
    };
    void selectInBox(int panel, const QRect& pixels);
    void selectInPolygon(int panel, const QPolygonF& pixels);
    void refreshHighlight();
    void showMessage(const QString& text, bool inPlaceOfPanels);

    std::shared_ptr<const ScienceData> data_;
    StarSelection* selection_ = nullptr;
    SelectionTool tool_ = SelectionTool::None;
    QPolygonF lasso_;
    QMap<QString, QString> settings_;
    QMap<QString, QStringList> choices_;
    QMap<QString, QComboBox*> choosers_;
    QMap<QString, QLabel*> chooserLabels_;
    QStringList notes_;
    std::vector<PlotFrame*> frames_;
    std::vector<PanelState> panelState_;
    int columns_ = 1;
    QHBoxLayout* controls_;
    QGridLayout* grid_;
    QLabel* message_;
    QString emptyText_;
};

} // namespace starlocus::ui
