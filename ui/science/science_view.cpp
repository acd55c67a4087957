// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/science/science_view.h"

#include "ui/plot/drawn_data_csv.h"
#include "ui/plot/plot_frame.h"
#include "ui/science/star_selection.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace starlocus::ui {

namespace {

// Shell quoting for "copy as command": plain words stay as they are.
QString shellWord(const QString& word) {
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./:=,+-]+$"));
    if (plain.match(word).hasMatch())
        return word;
    QString quoted = word;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace

ScienceView::ScienceView(QWidget* parent) : QWidget(parent) {
    controls_ = new QHBoxLayout;
    grid_ = new QGridLayout;
    grid_->setSpacing(0);
    message_ = new QLabel(this);
    message_->setObjectName(QStringLiteral("scienceViewNotes"));
    message_->setWordWrap(true);
    message_->setVisible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls_);
    layout->addWidget(message_);
    layout->addLayout(grid_, 1);
}

ScienceView::~ScienceView() = default;

void ScienceView::setData(std::shared_ptr<const ScienceData> data) {
    data_ = std::move(data);
    rebuild();
}

void ScienceView::setEmptyText(const QString& text) {
    emptyText_ = text;
    if (!data_)
        rebuild();
}

QString ScienceView::messageText() const { return message_->isHidden() ? QString() : message_->text(); }

void ScienceView::showMessage(const QString& text, bool inPlaceOfPanels) {
    message_->setText(text);
    message_->setVisible(!text.isEmpty());
    // Without panels the message is the view: centred in the whole area, not a line on top.
    message_->setAlignment(inPlaceOfPanels ? Qt::AlignCenter : Qt::AlignLeft | Qt::AlignVCenter);
    static_cast<QVBoxLayout*>(layout())->setStretchFactor(message_, inPlaceOfPanels ? 1 : 0);
}

void ScienceView::setSelection(StarSelection* selection) {
    if (selection_)
        disconnect(selection_, nullptr, this, nullptr);
    selection_ = selection;
    if (selection_)
        connect(selection_, &StarSelection::changed, this, [this] {
            refreshHighlight();
            redraw();
        });
    refreshHighlight();
}

void ScienceView::setSelectionTool(SelectionTool tool) {
    tool_ = tool;
    for (PlotFrame* frame : frames_)
        frame->setSelectionRectMode(tool == SelectionTool::Box ? QCP::srmCustom : QCP::srmNone);
}

bool ScienceView::eventFilter(QObject* watched, QEvent* event) {
    if (tool_ != SelectionTool::Lasso)
        return QWidget::eventFilter(watched, event);
    const auto it = std::find(frames_.begin(), frames_.end(), watched);
    if (it == frames_.end())
        return QWidget::eventFilter(watched, event);
    const int panel = int(it - frames_.begin());
    PlotFrame* frame = *it;
    const auto type = event->type();
    if (type != QEvent::MouseButtonPress && type != QEvent::MouseMove && type != QEvent::MouseButtonRelease)
        return QWidget::eventFilter(watched, event);
    auto* mouse = static_cast<QMouseEvent*>(event);
    if (type == QEvent::MouseButtonPress && mouse->button() != Qt::LeftButton)
        return QWidget::eventFilter(watched, event);
    if (type == QEvent::MouseMove && !(mouse->buttons() & Qt::LeftButton))
        return QWidget::eventFilter(watched, event);
    if (type == QEvent::MouseButtonPress)
        lasso_.clear();
    lasso_.append(mouse->position());
    PanelState& state = panelState_[std::size_t(panel)];
    if (!state.lasso) {
        state.lasso = new QCPCurve(frame->xAxis, frame->yAxis);
        state.lasso->removeFromLegend();
        state.lasso->setPen(QPen(frame->plotPalette().ink, 1.0, Qt::DashLine));
    }
    QVector<double> xs, ys;
    for (const QPointF& p : lasso_) {
        xs.push_back(frame->xAxis->pixelToCoord(p.x()));
        ys.push_back(frame->yAxis->pixelToCoord(p.y()));
    }
    if (type == QEvent::MouseButtonRelease) {
        state.lasso->data()->clear();
        selectInPolygon(panel, lasso_);
        lasso_.clear();
    } else {
        state.lasso->setData(xs, ys);
    }
    frame->replot(QCustomPlot::rpQueuedReplot);
    return true; // the drag draws the lasso; it does not pan
}

void ScienceView::declareSetting(const QString& key, const QString& defaultValue, const QStringList& choices) {
    settings_.insert(key, defaultValue);
    if (!choices.isEmpty())
        choices_.insert(key, choices);
}

QString ScienceView::validateSetting(const QString&, const QString&) const { return {}; }

bool ScienceView::setSetting(const QString& key, const QString& value, QString* error) {
    auto fail = [&](const QString& reason) {
        if (error)
            *error = reason;
        return false;
    };
    if (!settings_.contains(key)) {
        QStringList keys = settings_.keys();
        return fail(tr("view '%1' has no setting '%2' (settings: %3)").arg(viewName(), key, keys.join(QStringLiteral(", "))));
    }
    if (choices_.contains(key) && !choices_[key].contains(value))
        return fail(tr("setting '%1' of view '%2' must be one of %3, not '%4'")
                        .arg(key, viewName(), choices_[key].join(QStringLiteral(", ")), value));
    if (const QString reason = validateSetting(key, value); !reason.isEmpty())
        return fail(tr("setting '%1' of view '%2': %3").arg(key, viewName(), reason));
    settings_[key] = value;
    if (QComboBox* combo = choosers_.value(key)) {
        const QSignalBlocker block(combo);
        combo->setCurrentIndex(combo->findData(value));
    }
    rebuild();
    return true;
}

QComboBox* ScienceView::addChooser(const QString& key, const QString& label, const QStringList& ids,
                                   const QStringList& display) {
    auto* text = new QLabel(label, this);
    auto* combo = new QComboBox(this);
    combo->setObjectName(QStringLiteral("chooser_%1").arg(key));
    for (qsizetype i = 0; i < ids.size(); ++i)
        combo->addItem(i < display.size() ? display[i] : ids[i], ids[i]);
    combo->setCurrentIndex(combo->findData(setting(key)));
    text->setBuddy(combo);
    controls_->addWidget(text);
    controls_->addWidget(combo);
    controls_->addSpacing(12);
    choosers_.insert(key, combo);
    chooserLabels_.insert(key, text);
    connect(combo, &QComboBox::currentIndexChanged, this, [this, key, combo] {
        setSetting(key, combo->currentData().toString());
    });
    return combo;
}

void ScienceView::makePanels(int count, int columns) {
    for (PlotFrame* frame : frames_)
        delete frame;
    frames_.clear();
    panelState_.clear();
    columns_ = std::max(1, columns);
    for (int k = 0; k < count; ++k) {
        auto* frame = new PlotFrame(this);
        frame->setObjectName(QStringLiteral("%1_panel%2").arg(viewName()).arg(k));
        frame->setSelectionRectMode(tool_ == SelectionTool::Box ? QCP::srmCustom : QCP::srmNone);
        frame->installEventFilter(this);
        if (columns_ >= 3) // narrow panels: fewer ticks so that labels do not run together
            frame->xAxis->ticker()->setTickCount(3);
        connect(frame->selectionRect(), &QCPSelectionRect::accepted, this,
                [this, k](const QRect& rect, QMouseEvent*) { selectInBox(k, rect); });
        grid_->addWidget(frame, k / columns_, k % columns_);
        frames_.push_back(frame);
        panelState_.emplace_back();
    }
}

void ScienceView::setStarPositions(int panel, std::vector<double> x, std::vector<double> y) {
    PanelState& state = panelState_[std::size_t(panel)];
    state.x = std::move(x);
    state.y = std::move(y);
    if (!state.highlight) {
        PlotFrame* frame = frames_[std::size_t(panel)];
        state.highlight = frame->addGraph();
        state.highlight->setLineStyle(QCPGraph::lsNone);
        state.highlight->removeFromLegend();
    }
}

void ScienceView::addPanelNote(int panel, const QString& text) {
    PlotFrame* frame = frames_[std::size_t(panel)];
    auto* item = new QCPItemText(frame);
    item->setClipToAxisRect(false);
    item->position->setType(QCPItemPosition::ptAxisRectRatio);
    item->position->setCoords(0.5, 0.5);
    item->setPositionAlignment(Qt::AlignCenter);
    item->setTextAlignment(Qt::AlignCenter);
    item->setText(text);
    item->setPadding(QMargins(6, 4, 6, 4));
    item->setColor(frame->plotPalette().ink);
    item->setBrush(QBrush(frame->plotPalette().legendBackground));
    item->setPen(QPen(frame->plotPalette().grid));
    notes_.append(text);
}

void ScienceView::addNote(const QString& text) { notes_.append(text); }

void ScienceView::rebuild() {
    notes_.clear();
    // Nothing to draw: say why in place of the panels.
    QString missing;
    if (!data_)
        missing = emptyText_.isEmpty() ? tr("Open a model and a catalog to see this view.") : emptyText_;
    else if (data_->size() == 0)
        missing = data_->products.selection.choice == core::ScienceStarChoice::TestSplit
                      ? tr("The model's training run has no test stars in this catalog: nothing to show.")
                      : tr("The catalog has no stars: nothing to show.");
    if (!missing.isEmpty()) {
        makePanels(0, 1);
        if (data_)
            addNote(missing);
        showMessage(missing, true);
        emit rebuilt();
        return;
    }
    draw();
    setSelectionTool(tool_);
    refreshHighlight();
    showMessage(notes_.join(QLatin1Char('\n')), false);
    redraw();
    emit rebuilt();
}

void ScienceView::redraw() {
    for (PlotFrame* frame : frames_)
        frame->replot();
}

void ScienceView::selectInBox(int panel, const QRect& pixels) {
    if (!selection_ || !data_)
        return;
    const PanelState& state = panelState_[std::size_t(panel)];
    PlotFrame* frame = frames_[std::size_t(panel)];
    if (state.x.empty()) {
        addPanelNote(panel, tr("This panel has no per-star positions: select in another view."));
        redraw();
        return;
    }
    const double x0 = frame->xAxis->pixelToCoord(pixels.left()), x1 = frame->xAxis->pixelToCoord(pixels.right());
    const double y0 = frame->yAxis->pixelToCoord(pixels.top()), y1 = frame->yAxis->pixelToCoord(pixels.bottom());
    const double xl = std::min(x0, x1), xh = std::max(x0, x1), yl = std::min(y0, y1), yh = std::max(y0, y1);
    std::vector<std::size_t> stars;
    for (std::size_t i = 0; i < state.x.size(); ++i)
        if (state.x[i] >= xl && state.x[i] <= xh && state.y[i] >= yl && state.y[i] <= yh)
            stars.push_back(i);
    selection_->setStars(std::move(stars));
}

void ScienceView::selectInPolygon(int panel, const QPolygonF& pixels) {
    if (!selection_ || !data_ || pixels.size() < 3)
        return;
    const PanelState& state = panelState_[std::size_t(panel)];
    PlotFrame* frame = frames_[std::size_t(panel)];
    if (state.x.empty()) {
        addPanelNote(panel, tr("This panel has no per-star positions: select in another view."));
        redraw();
        return;
    }
    const QRectF bounds = pixels.boundingRect();
    std::vector<std::size_t> stars;
    for (std::size_t i = 0; i < state.x.size(); ++i) {
        if (!std::isfinite(state.x[i]) || !std::isfinite(state.y[i]))
            continue;
        const QPointF p(frame->xAxis->coordToPixel(state.x[i]), frame->yAxis->coordToPixel(state.y[i]));
        if (bounds.contains(p) && pixels.containsPoint(p, Qt::OddEvenFill))
            stars.push_back(i);
    }
    selection_->setStars(std::move(stars));
}

void ScienceView::refreshHighlight() {
    for (std::size_t p = 0; p < panelState_.size(); ++p) {
        PanelState& state = panelState_[p];
        if (!state.highlight)
            continue;
        QVector<double> xs, ys;
        if (selection_)
            for (std::size_t i : selection_->stars())
                if (i < state.x.size() && std::isfinite(state.x[i]) && std::isfinite(state.y[i])) {
                    xs.push_back(state.x[i]);
                    ys.push_back(state.y[i]);
                }
        state.highlight->setData(xs, ys);
        const PlotPalette& palette = frames_[p]->plotPalette();
        state.highlight->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(palette.highlight, 1.2), Qt::NoBrush, 5));
        state.highlight->setName(tr("selected (%n stars)", nullptr, int(xs.size())));
        if (xs.isEmpty())
            state.highlight->removeFromLegend();
        else
            state.highlight->addToLegend();
    }
}

QSizeF ScienceView::defaultSizeMm() const {
    const int rows = frames_.empty() ? 1 : int((frames_.size() + std::size_t(columns_) - 1) / std::size_t(columns_));
    const double width = std::min(180.0, 90.0 * columns_);
    const double cell = width / columns_;
    return {width, rows * cell * 0.85};
}

bool ScienceView::exportFigure(const FigureExportRequest& request, bool companionCsv, QString* error) {
    if (frames_.empty()) {
        if (error)
            *error = tr("view '%1' has nothing to export: %2").arg(viewName(), notes_.join(QStringLiteral("; ")));
        return false;
    }
    std::vector<QCustomPlot*> plots(frames_.begin(), frames_.end());
    if (!exportPanels(plots, columns_, request, error))
        return false;
    if (companionCsv) {
        const QFileInfo info(request.path);
        const QString csv = info.dir().filePath(info.completeBaseName() + QStringLiteral(".csv"));
        return writeDrawnDataCsv(plots, csv, error);
    }
    return true;
}

QString ScienceView::commandLine(const QString& outDir) const {
    QStringList words{QStringLiteral("starlocus-figures")};
    if (data_) {
        words << QStringLiteral("--model") << shellWord(data_->modelPath);
        if (!data_->normalizationPath.isEmpty())
            words << QStringLiteral("--normalization") << shellWord(data_->normalizationPath);
        words << QStringLiteral("--catalog") << shellWord(data_->catalogPath);
    }
    words << QStringLiteral("--out") << shellWord(outDir) << QStringLiteral("--view") << viewName();
    for (auto it = settings_.constBegin(); it != settings_.constEnd(); ++it)
        words << QStringLiteral("--set") << shellWord(it.key() + QLatin1Char('=') + it.value());
    return words.join(QLatin1Char(' '));
}

void ScienceView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange && data_)
        rebuild(); // every text of the panels comes from draw()
}

} // namespace starlocus::ui
