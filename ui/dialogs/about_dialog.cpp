// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/about_dialog.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

namespace starlocus::ui {

QString AboutDialog::citation() {
    // Authors and title as on the paper's first page; the journal reference of the
    // published version.
    return QStringLiteral("Green, G. M., Rix, H.-W., Tschesche, L., Finkbeiner, D., Zucker, C., "
                          "Schlafly, E. F., Rybizki, J., Fouesneau, M., Andrae, R., & Speagle, J. S. "
                          "2021, \u201CData-Driven Stellar Models\u201D, ApJ, 907, 57");
}

QString AboutDialog::aboutHtml() {
    const QString version = QCoreApplication::applicationVersion().isEmpty()
                                ? QStringLiteral(STARLOCUS_VERSION)
                                : QCoreApplication::applicationVersion();
    return tr("<h2>StarLocus %1</h2>"
              "<p>StarLocus reproduces the data-driven stellar models of Green et al.: a small neural "
              "network that maps spectroscopic labels (T<sub>eff</sub>, log g, [Fe/H]) to absolute "
              "magnitudes in 13 passbands (Gaia G, BP, RP; Pan-STARRS 1 grizy; 2MASS J, H, K<sub>s</sub>; "
              "unWISE W1, W2), learned jointly with a T<sub>eff</sub>-dependent dust extinction vector R "
              "from stars with spectroscopic labels, Gaia parallaxes and multi-band photometry.</p>"
              "<p><b>If you use StarLocus, please cite the paper:</b><br>%2</p>"
              "<p>The published trained model and test data (DOI: "
              "<a href=\"https://doi.org/10.5281/zenodo.3902382\">10.5281/zenodo.3902382</a>) are "
              "\u00A9 2020 Gregory Green and distributed under the MIT License.</p>"
              "<p>Built with Qt %3 (running on Qt %4), used under the GNU LGPL version 3.</p>")
               .arg(version, citation().toHtmlEscaped(), QStringLiteral(QT_VERSION_STR),
                    QString::fromLatin1(qVersion())) +
           // The GPL asks an interactive program to say so; the S16 numbers are shipped data.
           tr("<p>StarLocus is free software under the GNU General Public License, version 3 or later "
              "(GPL-3.0-or-later), and comes with ABSOLUTELY NO WARRANTY. Fig. 11 compares with the "
              "reddening vectors of Schlafly et al. 2016, ApJ, 821, 78.</p>");
}

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent) {
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About StarLocus"));
    auto* icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/starlocus.svg")).pixmap(80, 80));
    icon->setAlignment(Qt::AlignTop);
    auto* text = new QLabel(aboutHtml(), this);
    text->setObjectName(QStringLiteral("aboutText"));
    text->setWordWrap(true);
    text->setTextFormat(Qt::RichText);
    text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    text->setOpenExternalLinks(true);
    text->setMinimumWidth(520);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* row = new QHBoxLayout;
    row->addWidget(icon);
    row->addSpacing(12);
    row->addWidget(text, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(buttons);
}

} // namespace starlocus::ui
