// SPDX-License-Identifier: MIT
// First run: what Attune is (and is not), where the data lives, and "add your first child".
#pragma once

#include <QDialog>

namespace attune::gui {

struct Content;

class WelcomeDialog : public QDialog {
    Q_OBJECT

public:
    WelcomeDialog(const Content& content, const QString& databasePath, QWidget* parent = nullptr);
    // True when the parent chose "Add your first child".
    bool wantsToAddChild() const { return m_wantsToAddChild; }

private:
    bool m_wantsToAddChild = false;
};

} // namespace attune::gui
