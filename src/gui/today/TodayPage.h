// SPDX-License-Identifier: MIT
// The first screen: each child's card for today (their one-on-one: start a timer, logged,
// partner/away/sick, or a timer running; and this week's count and minutes), and one small
// idea for the day.
#pragma once

#include "attune/core/Dates.h"

#include <QHash>
#include <QWidget>

#include <optional>

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
    // The status line of a child's card ("Logged 15 min today", "Running: 4:05", …).
    QString statusText(qint64 childId) const;
    QString weekText(qint64 childId) const;

Q_SIGNALS:
    void addChildRequested();
    void childActivated(qint64 childId);
    void oneOnOneRequested(qint64 childId);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void tick();
    // Changes made while the page is hidden are read when it is shown.
    void reloadIfShown();
    void updateTip(const std::optional<core::Date>& date);
    QString timersKey() const;

    Workspace& m_workspace;
    QStackedLayout* m_stack;
    QLabel* m_date;
    QVBoxLayout* m_cards;
    QLabel* m_tip;
    QHash<qint64, QLabel*> m_status;
    QHash<qint64, QLabel*> m_week;
    QString m_shownTimers; // which timers the cards show, to rebuild only when that changes
    bool m_isStale = false;
    QString m_cardsKey; // the children and the shape of their cards, as last built
};

} // namespace attune::gui
