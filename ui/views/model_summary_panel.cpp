// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/model_summary_panel.h"

#include "ui/session/session.h"
#include "ui/views/display_text.h"
#include "ui/views/fact_table.h"

#include <QAction>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QStringList>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace starlocus::ui {
namespace {

QLabel* valueLabel(const QString& objectName, QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString originText(const std::string& origin) {
    if (origin == "keras-import")
        return ModelSummaryPanel::tr("Keras model file (imported)");
    if (origin == "starlocus-training")
        return ModelSummaryPanel::tr("Trained with StarLocus");
    return origin.empty() ? ModelSummaryPanel::tr("not recorded") : QString::fromStdString(origin);
}

// A catalog file by its name; the GUI's synthetic sky ("mock:N:seedS", no file) in words.
QString trainedOnText(const QString& trainedOn) {
    static const QRegularExpression sky(QStringLiteral("^mock:(\\d+):seed(\\d+)$"));
    if (const QRegularExpressionMatch match = sky.match(trainedOn); match.hasMatch())
        return ModelSummaryPanel::tr("synthetic sky of %1 stars (seed %2)")
            .arg(countText(match.captured(1).toULongLong()), match.captured(2));
    const QFileInfo file(trainedOn);
    return file.fileName().isEmpty() ? trainedOn : file.fileName();
}

QString activationText(core::Activation activation) {
    return QString::fromLatin1(core::activationName(activation).data(),
                               static_cast<qsizetype>(core::activationName(activation).size()));
}

QStringList layerRow(const core::DenseLayer& layer, const QString& role) {
    return {QString::fromStdString(layer.name), role,
            QStringLiteral("%1 → %2").arg(layer.inputs).arg(layer.outputs), activationText(layer.activation),
            countText(layer.kernel.size() + layer.bias.size())};
}

} // namespace

ModelSummaryPanel::ModelSummaryPanel(Session* session, QWidget* parent)
    : QGroupBox(tr("Stellar model"), parent), session_(session) {
    setObjectName(QStringLiteral("modelSummaryPanel"));
    stack_ = new QStackedWidget(this);

    // Empty state: say what a model is and offer to open one.
    auto* empty = new QWidget(stack_);
    auto* emptyLayout = new QVBoxLayout(empty);
    auto* emptyText = new QLabel(
        tr("No model is open. A stellar model maps (Teff, log g, [Fe/H]) to absolute magnitudes in "
           "13 passbands and to the extinction vector R. Open the published Keras model "
           "(green2020_nn_model.h5 with its normalisation JSON) or a StarLocus model file."),
        empty);
    emptyText->setObjectName(QStringLiteral("modelEmptyText"));
    emptyText->setWordWrap(true);
    openButton_ = new QPushButton(tr("Open Model…"), empty);
    openButton_->setObjectName(QStringLiteral("openModelButton"));
    connect(openButton_, &QPushButton::clicked, this, [this] {
        if (openAction_)
            openAction_->trigger();
    });
    emptyLayout->addWidget(emptyText);
    emptyLayout->addWidget(openButton_, 0, Qt::AlignLeft);
    emptyLayout->addStretch();

    // Loaded state.
    auto* content = new QWidget(stack_);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    fileValue_ = valueLabel(QStringLiteral("modelFileValue"), content);
    folderValue_ = valueLabel(QStringLiteral("modelFolderValue"), content);
    originValue_ = valueLabel(QStringLiteral("modelOriginValue"), content);
    descriptionValue_ = valueLabel(QStringLiteral("modelDescriptionValue"), content);
    normalizationFileValue_ = valueLabel(QStringLiteral("modelNormalizationFileValue"), content);
    architectureValue_ = valueLabel(QStringLiteral("modelArchitectureValue"), content);
    parameterCountValue_ = valueLabel(QStringLiteral("modelParameterCountValue"), content);
    trainedOnValue_ = valueLabel(QStringLiteral("modelTrainedOnValue"), content);
    notesValue_ = valueLabel(QStringLiteral("modelNotesValue"), content);
    form->addRow(tr("File:"), fileValue_);
    form->addRow(tr("Folder:"), folderValue_);
    form->addRow(tr("Origin:"), originValue_);
    form->addRow(tr("Trained on:"), trainedOnValue_);
    form->addRow(tr("Description:"), descriptionValue_);
    form->addRow(tr("Normalisation:"), normalizationFileValue_);
    form->addRow(tr("Network:"), architectureValue_);
    form->addRow(tr("Parameters:"), parameterCountValue_);
    form->addRow(tr("Note:"), notesValue_);
    layout->addLayout(form);
    form_ = form;

    layout->addWidget(sectionHeading(tr("Layers"), content));
    layerTable_ = new FactTable(content);
    layerTable_->setObjectName(QStringLiteral("modelLayerTable"));
    layerTable_->setColumns({tr("Layer"), tr("Sector"), tr("Shape"), tr("Activation"), tr("Parameters")}, {4});
    layout->addWidget(layerTable_);

    layout->addWidget(sectionHeading(tr("Label normalisation  x = (θ − θ_med) / θ_std"), content));
    normalizationTable_ = new FactTable(content);
    normalizationTable_->setObjectName(QStringLiteral("modelNormalizationTable"));
    normalizationTable_->setColumns({tr("Label"), tr("θ_med"), tr("θ_std")}, {1, 2});
    layout->addWidget(normalizationTable_);
    layout->addStretch();

    stack_->addWidget(empty);
    stack_->addWidget(content);
    auto* outer = new QVBoxLayout(this);
    outer->addWidget(stack_);

    connect(session_, &Session::modelChanged, this, &ModelSummaryPanel::showModel);
    connect(session_, &Session::modelFileChanged, this, &ModelSummaryPanel::showModel); // saved
    showModel();
}

void ModelSummaryPanel::setOpenAction(QAction* openModel) { openAction_ = openModel; }

void ModelSummaryPanel::showModel() {
    const auto model = session_->model();
    if (!model) {
        stack_->setCurrentIndex(0);
        return;
    }
    const auto& provenance = model->provenance();
    // The file the model lives in: where it was read from or last saved to (the session
    // knows a save; the model's provenance only where it was read). A model trained in
    // this session has none until it is saved.
    QString file = session_->modelOrigin().path;
    if (file.isEmpty())
        file = QString::fromStdString(provenance.sourceFile);
    const QFileInfo source(file);
    fileValue_->setText(file.isEmpty() ? tr("not saved yet") : source.fileName());
    fileValue_->setToolTip(file.isEmpty() ? QString() : source.absoluteFilePath());
    folderValue_->setText(file.isEmpty() ? QString() : wrappablePath(source.absolutePath()));
    form_->setRowVisible(folderValue_, !file.isEmpty());
    originValue_->setText(originText(provenance.origin));
    // The catalog the weights were trained on (StarLocus training only).
    const QString trainedOn = QString::fromStdString(provenance.trainedOn);
    trainedOnValue_->setText(trainedOnText(trainedOn));
    trainedOnValue_->setToolTip(trainedOn);
    form_->setRowVisible(trainedOnValue_, !trainedOn.isEmpty());
    // Not an error: e.g. a file written before StarLocus stored checksums, whose damage
    // could not be detected. The loader's text, as the CLI prints it.
    QStringList notes;
    for (const std::string& note : provenance.notes)
        notes << QString::fromStdString(note);
    notesValue_->setText(notes.join(QLatin1Char('\n')));
    form_->setRowVisible(notesValue_, !notes.isEmpty());
    descriptionValue_->setText(provenance.description.empty() ? tr("none")
                                                              : QString::fromStdString(provenance.description));
    const QString normFile = session_->modelNormalizationFile();
    normalizationFileValue_->setText(normFile.isEmpty() ? tr("stored in the model file")
                                                        : QFileInfo(normFile).fileName());
    normalizationFileValue_->setToolTip(normFile);

    QStringList widths{QString::number(model->hiddenLayers().empty() ? model->colorOutputLayer().inputs
                                                                      : model->hiddenLayers().front().inputs)};
    for (const auto& layer : model->hiddenLayers())
        widths << QString::number(layer.outputs);
    widths << QString::number(model->colorOutputLayer().outputs);
    architectureValue_->setText(tr("stellar sector %1; extinction sector %2 → %3")
                                    .arg(widths.join(QStringLiteral(" → ")))
                                    .arg(model->extinctionLayer().inputs)
                                    .arg(model->extinctionLayer().outputs));
    parameterCountValue_->setText(countText(model->parameterCount()));

    QList<QStringList> layers;
    for (const auto& layer : model->hiddenLayers())
        layers << layerRow(layer, tr("stellar, hidden"));
    layers << layerRow(model->colorOutputLayer(), tr("stellar, output B·M"));
    layers << layerRow(model->extinctionLayer(), tr("extinction R"));
    layerTable_->setRows(layers);

    QList<QStringList> norm;
    const auto& n = model->normalization();
    for (std::size_t k = 0; k < 3; ++k) {
        const int decimals = kLabelDisplays[k].decimals + 1;
        norm << QStringList{labelName(k), numberText(n.median[k], decimals), numberText(n.stddev[k], decimals)};
    }
    normalizationTable_->setRows(norm);
    stack_->setCurrentIndex(1);
}

} // namespace starlocus::ui
