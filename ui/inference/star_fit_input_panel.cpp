// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/inference/star_fit_input_panel.h"

#include "core/bands/band_registry.h"
#include "ui/views/display_text.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleValidator>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <climits>
#include <cmath>

namespace starlocus::ui {

namespace {

constexpr double kNaN = core::PhotometricStar::kNaN;

double parseNumber(const QString& text) {
    bool ok = false;
    const double v = QLocale().toDouble(text.trimmed(), &ok);
    return ok ? v : kNaN;
}

QString numberField(double v, int decimals) {
    return std::isfinite(v) ? QLocale().toString(v, 'f', decimals) : QString();
}

} // namespace

StarReference catalogReference(const core::Catalog& catalog, std::size_t row) {
    StarReference ref;
    ref.theta = catalog.theta[row];
    ref.reddening = catalog.reddening[row];
    const double plx = catalog.parallaxMas[row], err = catalog.parallaxErrMas[row];
    // μ = 10 − 5 log₁₀ ϖ[mas]; only a parallax good to 20 % says something about μ.
    if (plx > 0.0 && err > 0.0 && err < 0.2 * plx)
        ref.mu = 10.0 - 5.0 * std::log10(plx);
    return ref;
}

StarFitInputPanel::StarFitInputPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("starFitInput"));
    starBox_ = new QGroupBox(this);
    catalogSource_ = new QRadioButton(starBox_);
    catalogSource_->setObjectName(QStringLiteral("fitCatalogStar"));
    typedSource_ = new QRadioButton(starBox_);
    typedSource_->setObjectName(QStringLiteral("fitTypedPhotometry"));
    auto* sources = new QButtonGroup(this);
    sources->addButton(catalogSource_);
    sources->addButton(typedSource_);
    catalogSource_->setChecked(true);

    // Page 0: a catalog star.
    auto* catalogPage = new QWidget(starBox_);
    rowLabel_ = new QLabel(catalogPage);
    star_ = new QSpinBox(catalogPage);
    star_->setObjectName(QStringLiteral("fitStarIndex"));
    star_->setRange(0, 0);
    star_->setKeyboardTracking(false); // fit the number typed, not each digit of it
    rowLabel_->setBuddy(star_);
    follow_ = new QCheckBox(catalogPage);
    follow_->setObjectName(QStringLiteral("fitFollowSelection"));
    follow_->setChecked(true);
    catalogText_ = new QLabel(catalogPage);
    catalogText_->setObjectName(QStringLiteral("fitCatalogText"));
    catalogText_->setWordWrap(true);
    auto* rowLine = new QHBoxLayout;
    rowLine->addWidget(rowLabel_);
    rowLine->addWidget(star_, 1);
    auto* catalogLayout = new QVBoxLayout(catalogPage);
    catalogLayout->setContentsMargins(0, 0, 0, 0);
    catalogLayout->addLayout(rowLine);
    catalogLayout->addWidget(follow_);
    catalogLayout->addWidget(catalogText_);
    catalogLayout->addStretch();

    // Page 1: typed photometry.
    auto* typedPage = new QWidget(starBox_);
    table_ = new QTableWidget(int(core::kBandCount), 2, typedPage);
    table_->setObjectName(QStringLiteral("fitPhotometryTable"));
    for (std::size_t b = 0; b < core::kBandCount; ++b) {
        const std::string_view name = core::bands()[b].displayName;
        table_->setVerticalHeaderItem(
            int(b), new QTableWidgetItem(QString::fromUtf8(name.data(), qsizetype(name.size()))));
        for (int c = 0; c < 2; ++c)
            table_->setItem(int(b), c, new QTableWidgetItem);
    }
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 6);
    table_->setMinimumHeight(120);
    parallaxLabel_ = new QLabel(typedPage);
    parallax_ = new QLineEdit(typedPage);
    parallax_->setObjectName(QStringLiteral("fitParallax"));
    parallaxErr_ = new QLineEdit(typedPage);
    parallaxErr_->setObjectName(QStringLiteral("fitParallaxError"));
    for (QLineEdit* e : {parallax_, parallaxErr_})
        e->setValidator(new QDoubleValidator(e));
    // A label, a value and its "±" partner (or a second value) on one line.
    auto pairLine = [typedPage](QLabel* label, QLineEdit* first, const QString& between, QLineEdit* second) {
        auto* line = new QHBoxLayout;
        line->addWidget(label);
        line->addWidget(first, 1);
        line->addWidget(new QLabel(between, typedPage));
        line->addWidget(second, 1);
        label->setBuddy(first);
        return line;
    };
    auto* parallaxLine = pairLine(parallaxLabel_, parallax_, QStringLiteral("±"), parallaxErr_);
    // Ê ± σ_E and l, b are read only by the priors that need them (E "catalog", distance
    // "Galactic"): without them such a prior leaves the star unfitted, with its status.
    reddeningPriorLabel_ = new QLabel(typedPage);
    priorE_ = new QLineEdit(typedPage);
    priorE_->setObjectName(QStringLiteral("fitPriorE"));
    priorSigmaE_ = new QLineEdit(typedPage);
    priorSigmaE_->setObjectName(QStringLiteral("fitPriorSigmaE"));
    skyLabel_ = new QLabel(typedPage);
    galacticL_ = new QLineEdit(typedPage);
    galacticL_->setObjectName(QStringLiteral("fitGalacticL"));
    galacticB_ = new QLineEdit(typedPage);
    galacticB_->setObjectName(QStringLiteral("fitGalacticB"));
    for (QLineEdit* e : {priorE_, priorSigmaE_, galacticL_, galacticB_})
        e->setValidator(new QDoubleValidator(e));
    auto* reddeningLine = pairLine(reddeningPriorLabel_, priorE_, QStringLiteral("±"), priorSigmaE_);
    auto* skyLine = pairLine(skyLabel_, galacticL_, QStringLiteral(","), galacticB_);
    copy_ = new QPushButton(typedPage);
    copy_->setObjectName(QStringLiteral("fitCopyCatalogStar"));
    fit_ = new QPushButton(typedPage);
    fit_->setObjectName(QStringLiteral("fitButton"));
    fit_->setDefault(true);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(copy_);
    buttons->addWidget(fit_);
    auto* typedLayout = new QVBoxLayout(typedPage);
    typedLayout->setContentsMargins(0, 0, 0, 0);
    typedLayout->addWidget(table_, 1);
    typedLayout->addLayout(parallaxLine);
    typedLayout->addLayout(reddeningLine);
    typedLayout->addLayout(skyLine);
    typedLayout->addLayout(buttons);

    pages_ = new QStackedWidget(starBox_);
    pages_->addWidget(catalogPage);
    pages_->addWidget(typedPage);
    auto* sourceLine = new QHBoxLayout;
    sourceLine->addWidget(catalogSource_);
    sourceLine->addWidget(typedSource_);
    sourceLine->addStretch();
    auto* starLayout = new QVBoxLayout(starBox_);
    starLayout->addLayout(sourceLine);
    starLayout->addWidget(pages_, 1);

    // Priors (issue 16, item 2).
    priors_ = new QGroupBox(this);
    thetaPrior_ = new QComboBox(priors_);
    thetaPrior_->setObjectName(QStringLiteral("fitThetaPrior"));
    distancePrior_ = new QComboBox(priors_);
    distancePrior_->setObjectName(QStringLiteral("fitDistancePrior"));
    reddeningPrior_ = new QComboBox(priors_);
    reddeningPrior_->setObjectName(QStringLiteral("fitReddeningPrior"));
    for (auto p : {core::LabelPrior::ValidRegion, core::LabelPrior::TrainingDensity, core::LabelPrior::Box})
        thetaPrior_->addItem(QString(), int(p));
    for (auto p : {core::DistancePrior::FlatMu, core::DistancePrior::Galactic})
        distancePrior_->addItem(QString(), int(p));
    for (auto p : {core::ReddeningPrior::FlatPositive, core::ReddeningPrior::Catalog})
        reddeningPrior_->addItem(QString(), int(p));
    thetaLabel_ = new QLabel(priors_);
    distanceLabel_ = new QLabel(priors_);
    reddeningLabel_ = new QLabel(priors_);
    thetaLabel_->setBuddy(thetaPrior_);
    distanceLabel_->setBuddy(distancePrior_);
    reddeningLabel_->setBuddy(reddeningPrior_);
    auto* priorLayout = new QFormLayout(priors_);
    priorLayout->addRow(thetaLabel_, thetaPrior_);
    priorLayout->addRow(distanceLabel_, distancePrior_);
    priorLayout->addRow(reddeningLabel_, reddeningPrior_);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(starBox_, 1);
    layout->addWidget(priors_);

    connect(catalogSource_, &QRadioButton::toggled, this, [this](bool catalog) {
        pages_->setCurrentIndex(catalog ? 0 : 1);
        emit sourceChanged();
        if (!catalog && std::isnan(typedStar().mag[0]) && catalog_)
            copyCatalogStar(); // an empty table starts from the current catalog star
        emit requestChanged();
    });
    connect(star_, &QSpinBox::valueChanged, this, [this] {
        updateCatalogText();
        if (source() == Source::CatalogStar)
            emit requestChanged();
    });
    connect(follow_, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            setLinkedStars(linked_);
    });
    connect(copy_, &QPushButton::clicked, this, [this] {
        copyCatalogStar();
        emit requestChanged();
    });
    connect(fit_, &QPushButton::clicked, this, &StarFitInputPanel::requestChanged);
    // An edited cell or parallax fits again (in the background; the newest edit wins).
    connect(table_, &QTableWidget::itemChanged, this, [this] {
        if (source() == Source::TypedPhotometry)
            emit requestChanged();
    });
    for (QLineEdit* e : {parallax_, parallaxErr_, priorE_, priorSigmaE_, galacticL_, galacticB_})
        connect(e, &QLineEdit::editingFinished, this, &StarFitInputPanel::requestChanged);
    connect(thetaPrior_, &QComboBox::currentIndexChanged, this, &StarFitInputPanel::labelPriorChanged);
    for (QComboBox* c : {distancePrior_, reddeningPrior_})
        connect(c, &QComboBox::currentIndexChanged, this, &StarFitInputPanel::requestChanged);
    retranslate();
    setCatalog(nullptr);
}

void StarFitInputPanel::setCatalog(std::shared_ptr<const core::Catalog> catalog) {
    const bool hadStars = catalog_ && catalog_->size() > 0;
    catalog_ = std::move(catalog);
    linked_.clear();
    const int n = catalog_ ? int(std::min<std::size_t>(catalog_->size(), std::size_t(INT_MAX))) : 0;
    {
        const QSignalBlocker block(star_); // the view fits once the grid is ready
        star_->setRange(0, std::max(n - 1, 0));
        star_->setValue(0);
    }
    star_->setEnabled(n > 0);
    catalogSource_->setEnabled(n > 0);
    copy_->setEnabled(n > 0);
    {
        const QSignalBlocker block(catalogSource_); // the view fits once the grid is ready
        if (n == 0)
            typedSource_->setChecked(true);
        else if (!hadStars)
            catalogSource_->setChecked(true); // a catalog has just arrived: its stars first
        pages_->setCurrentIndex(catalogSource_->isChecked() ? 0 : 1);
    }
    updateCatalogText();
}

StarFitInputPanel::Source StarFitInputPanel::source() const {
    return catalogSource_->isChecked() ? Source::CatalogStar : Source::TypedPhotometry;
}

void StarFitInputPanel::setSource(Source source) {
    (source == Source::CatalogStar ? catalogSource_ : typedSource_)->setChecked(true);
}

void StarFitInputPanel::setCatalogStar(std::size_t row) {
    star_->setValue(int(std::min<std::size_t>(row, INT_MAX)));
}

std::size_t StarFitInputPanel::catalogStar() const {
    return std::size_t(star_->value());
}

void StarFitInputPanel::setLinkedStars(const std::vector<std::size_t>& rows) {
    linked_ = rows;
    if (follow_->isChecked() && !linked_.empty() && catalog_ && linked_.front() < catalog_->size()) {
        setSource(Source::CatalogStar);
        setCatalogStar(linked_.front());
    }
    updateCatalogText();
}

void StarFitInputPanel::setTypedStar(const core::PhotometricStar& star) {
    {
        const QSignalBlocker block(table_);
        for (std::size_t b = 0; b < core::kBandCount; ++b) {
            table_->item(int(b), 0)->setText(numberField(star.mag[b], 3));
            table_->item(int(b), 1)->setText(numberField(star.magErr[b], 3));
        }
    }
    parallax_->setText(numberField(star.parallaxMas, 4));
    parallaxErr_->setText(numberField(star.parallaxErrMas, 4));
    priorE_->setText(numberField(star.priorE, 3));
    priorSigmaE_->setText(numberField(star.priorSigmaE, 3));
    galacticL_->setText(numberField(star.galacticLDeg, 4));
    galacticB_->setText(numberField(star.galacticBDeg, 4));
}

core::PhotometricStar StarFitInputPanel::typedStar() const {
    core::PhotometricStar star;
    for (std::size_t b = 0; b < core::kBandCount; ++b) {
        star.mag[b] = parseNumber(table_->item(int(b), 0)->text());
        star.magErr[b] = parseNumber(table_->item(int(b), 1)->text());
    }
    star.parallaxMas = parseNumber(parallax_->text());
    star.parallaxErrMas = parseNumber(parallaxErr_->text());
    star.priorE = parseNumber(priorE_->text());
    star.priorSigmaE = parseNumber(priorSigmaE_->text());
    star.galacticLDeg = parseNumber(galacticL_->text());
    star.galacticBDeg = parseNumber(galacticB_->text());
    return star;
}

void StarFitInputPanel::copyCatalogStar() {
    if (catalog_ && catalogStar() < catalog_->size())
        setTypedStar(core::photometricStarOf(*catalog_, catalogStar()));
}

core::LabelPrior StarFitInputPanel::labelPrior() const {
    return core::LabelPrior(thetaPrior_->currentData().toInt());
}

void StarFitInputPanel::setLabelPrior(core::LabelPrior prior) {
    thetaPrior_->setCurrentIndex(thetaPrior_->findData(int(prior)));
}

core::PosteriorSettings StarFitInputPanel::posteriorSettings() const {
    core::PosteriorSettings settings;
    settings.distance = core::DistancePrior(distancePrior_->currentData().toInt());
    settings.reddening = core::ReddeningPrior(reddeningPrior_->currentData().toInt());
    return settings;
}

std::optional<StarFitRequest> StarFitInputPanel::request() const {
    StarFitRequest request;
    request.settings = posteriorSettings();
    if (source() == Source::TypedPhotometry) {
        request.star = typedStar();
        return request;
    }
    if (!catalog_ || catalogStar() >= catalog_->size())
        return std::nullopt;
    request.catalogIndex = std::int64_t(catalogStar());
    request.star = core::photometricStarOf(*catalog_, catalogStar());
    request.reference = catalogReference(*catalog_, catalogStar());
    return request;
}

void StarFitInputPanel::updateCatalogText() {
    if (!catalog_ || catalog_->size() == 0) {
        catalogText_->setText(tr("No catalog: type the photometry instead."));
        return;
    }
    const std::size_t row = catalogStar();
    const StarReference ref = catalogReference(*catalog_, row);
    QString text =
        tr("Star %1 of %2. Catalog (not used by the fit): Teff %3 K, log g %4, [Fe/H] %5, Ê %6, parallax %7 "
           "± %8 mas.")
            .arg(countText(row), countText(catalog_->size()), numberText(ref.theta[0], 0),
                 numberText(ref.theta[1], 2), numberText(ref.theta[2], 2), numberText(ref.reddening, 3),
                 numberText(catalog_->parallaxMas[row], 3), numberText(catalog_->parallaxErrMas[row], 3));
    if (!linked_.empty())
        text +=
            QLatin1Char(' ') + tr("%n star(s) selected in the science views.", nullptr, int(linked_.size()));
    catalogText_->setText(text);
}

void StarFitInputPanel::retranslate() {
    starBox_->setTitle(tr("Star"));
    catalogSource_->setText(tr("&Catalog star"));
    typedSource_->setText(tr("&Typed photometry"));
    rowLabel_->setText(tr("&Row:"));
    star_->setToolTip(tr("Row of the open catalog (0 = first star)"));
    follow_->setText(tr("&Follow the science views' selection"));
    follow_->setToolTip(tr("Fit the first star selected in the science views (box or lasso select)"));
    table_->setHorizontalHeaderLabels({tr("m [mag]"), tr("σ [mag]")});
    table_->setToolTip(
        tr("Apparent magnitudes as the catalog gives them (an empty cell: band not observed)"));
    parallaxLabel_->setText(tr("ϖ [mas]:"));
    parallax_->setToolTip(tr("Parallax; leave empty for none"));
    reddeningPriorLabel_->setText(tr("Ê [mag]:"));
    priorE_->setToolTip(tr("Reddening expected from a dust map, with its σ: used only by the E prior "
                           "\"catalog Ê ± σ_E\""));
    priorSigmaE_->setToolTip(priorE_->toolTip());
    skyLabel_->setText(tr("l, b [°]:"));
    galacticL_->setToolTip(tr("Galactic longitude and latitude: used only by the Galactic distance prior"));
    galacticB_->setToolTip(galacticL_->toolTip());
    copy_->setText(tr("C&opy Catalog Star"));
    fit_->setText(tr("F&it"));
    priors_->setTitle(tr("Priors"));
    thetaLabel_->setText(tr("&θ:"));
    distanceLabel_->setText(tr("&Distance:"));
    reddeningLabel_->setText(tr("&E:"));
    thetaPrior_->setItemText(0, tr("flat in the valid region"));
    thetaPrior_->setItemText(1, tr("training density"));
    thetaPrior_->setItemText(2, tr("flat over the whole grid (box)"));
    thetaPrior_->setToolTip(tr("Valid region and training density need the model's training density (§7)"));
    distancePrior_->setItemText(0, tr("flat in μ"));
    distancePrior_->setItemText(1, tr("Galactic model (needs l, b)"));
    reddeningPrior_->setItemText(0, tr("flat, E ≥ 0"));
    reddeningPrior_->setItemText(1, tr("catalog Ê ± σ_E"));
    updateCatalogText();
}

void StarFitInputPanel::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

} // namespace starlocus::ui
