// SPDX-License-Identifier: MIT
// "Get help now": the crisis steps and the helplines for where the parent lives. Never
// calls, messages or reports anything by itself.
#pragma once

#include <QDialog>

class QComboBox;
class QLabel;

namespace attune::gui {

struct Content;

class GetHelpDialog : public QDialog {
    Q_OBJECT

public:
    explicit GetHelpDialog(const Content& content, QWidget* parent = nullptr);
    // Shows the helplines of a locale code ("US", "GB", …).
    void showLocale(const QString& code);
    QString currentLocale() const;

private:
    void refresh();

    const Content& m_content;
    QComboBox* m_locale;
    QLabel* m_steps;
    QLabel* m_lines;
};

} // namespace attune::gui
