// SPDX-License-Identifier: MIT
// The first screen: each child's card for today, and one small idea for the day.
#pragma once

#include <QWidget>

class QLabel;
class QStackedLayout;
class QVBoxLayout;

namespace attune::gui {

class Workspace;

class TodayPage : public QWidget {
    Q_OBJECT

public:
    explicit TodayPage(Workspace& workspace, QWidget* parent = nullptr);
    void reload();

Q_SIGNALS:
    void addChildRequested();
    void childActivated(qint64 childId);

private:
    Workspace& m_workspace;
    QStackedLayout* m_stack;
    QLabel* m_date;
    QVBoxLayout* m_cards;
    QLabel* m_tip;
};

} // namespace attune::gui
