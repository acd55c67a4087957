// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// AboutDialog: name, version, what StarLocus does, the paper it reproduces (to cite),
// the licence of the published model files, and Qt.
#include <QDialog>

namespace starlocus::ui {

class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget* parent = nullptr);

    // The dialog's text (rich text), also for tests.
    static QString aboutHtml();
    // The reference to cite, as plain text.
    static QString citation();
};

} // namespace starlocus::ui
