// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// ExplorerCmdPlot: the explorer's colour-magnitude diagram on the shared PlotFrame — band
// selectors (colour = band1 − band2, magnitude band), the star as a marker, the two model
// tracks through it (Teff varied; log g varied) and, behind them, the predicted locus of
// the catalog's stars as a density image. It draws what the explorer view hands it.
#include "ui/views/explorer_prediction.h"

#include <QWidget>
#include <span>

class QComboBox;
class QCPCurve;
class QCPGraph;
class QCPItemText;
class QLabel;

namespace starlocus::ui {

class PlotFrame;

class ExplorerCmdPlot : public QWidget {
    Q_OBJECT
public:
    explicit ExplorerCmdPlot(QWidget* parent = nullptr);

    PlotFrame* frame() const { return frame_; }
    CmdBands bands() const;
    void setBands(const CmdBands& bands);

    // The catalog's predicted stars in the current bands (empty: none).
    void setLocus(std::span<const double> color, std::span<const double> magnitude);
    void setStar(const CmdPoint& star);
    void setTracks(const CmdTrack& teffTrack, const CmdTrack& loggTrack);
    void clearStar();

    // Home view around the locus, the tracks and the star; and a refit only when the
    // star has left the visible ranges (a user's zoom is kept otherwise).
    void fitView();
    void keepStarInView();
    bool starIsInView() const;

    // Synchronous redraw (the explorer's latency budget includes it).
    void redraw();
    void retranslate();

    QCPGraph* starGraph() const { return star_; }
    QCPCurve* teffCurve() const { return teffCurve_; }
    QCPCurve* loggCurve() const { return loggCurve_; }

signals:
    void bandsChanged();

protected:
    void changeEvent(QEvent* event) override;

private:
    void restyle();
    void applyTexts(PlotFrame& frame);
    void placeEndLabels(const CmdTrack& track, QCPItemText* first, QCPItemText* last, bool teff);

    PlotFrame* frame_;
    QComboBox* blue_;
    QComboBox* red_;
    QComboBox* magnitude_;
    QLabel* colorLabel_;
    QLabel* minusLabel_;
    QLabel* magnitudeLabel_;
    QCPGraph* star_;
    QCPCurve* teffCurve_;
    QCPCurve* loggCurve_;
    std::array<QCPItemText*, 4> endLabels_{};
    std::array<double, 4> locusBox_{}; // colour min/max, magnitude min/max (percentiles)
    bool hasLocus_ = false;
};

} // namespace starlocus::ui
