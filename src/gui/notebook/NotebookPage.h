// SPDX-License-Identifier: MIT
// A child's strengths & interests notebook: six sections of cards (pinned first), each card a
// way into its entry; mirror traits as two columns; search as you type (Ctrl+F); and the
// one-page profile to print or save as PDF.
#pragma once

#include "common/ChildPage.h"

#include "attune/core/Notebook.h"

#include <QHash>

#include <deque>

class QGridLayout;
class QLabel;
class QLineEdit;
class QScrollArea;
class QStackedLayout;
class QStackedWidget;
class QVBoxLayout;
class QWidget;

namespace attune::gui {

class EntryCard;
class SearchResultsView;
class Workspace;

class NotebookPage : public ChildPage {
    Q_OBJECT

public:
    explicit NotebookPage(Workspace& workspace, QWidget* parent = nullptr);

    void setChild(qint64 childId) override;
    qint64 childId() const { return m_childId; }

    // What the parent can do here; public for tests, screenshots and other pages.
    void addEntry(core::Section section);
    void openEntry(qint64 entryId);
    void setSearchText(const QString& text);
    void scrollToSection(core::Section section);
    void showOnePageProfile();
    // The card of an entry (made at once if it was still waiting); nullptr when not on the page.
    EntryCard* card(qint64 entryId);
    // False while cards of a just-opened notebook are still being made.
    bool hasAllCards() const { return m_pending.empty(); }
    SearchResultsView* searchResults() const { return m_results; }
    QLineEdit* searchField() const { return m_search; }

Q_SIGNALS:
    void addChildRequested();

protected:
    void showEvent(QShowEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    // A card still to be made: opening a notebook makes the first screen's cards at once and
    // the rest on the next turns of the event loop, so the page shows within a frame.
    struct PendingCard {
        QWidget* block = nullptr;
        QGridLayout* grid = nullptr;
        core::EntrySummary entry;
        int index = 0;
        int columns = 1;
        bool canMoveUp = false;
        bool canMoveDown = false;
    };

    void reload(bool isProgressive = false);
    void makeCards(int count);
    void makeRemainingCards();
    void fitSections();
    void scheduleReload();
    void refreshHeader();
    QWidget* buildSection(const core::NotebookSection& section, const QString& childName);
    void runSearch();
    void setPinned(qint64 entryId, bool isPinned);
    void move(qint64 entryId, int step);
    void moveToTrash(qint64 entryId);
    void focusCard(qint64 entryId);

    Workspace& m_workspace;
    qint64 m_childId = 0;
    bool m_isStale = false;
    bool m_isReloadQueued = false;
    QStackedLayout* m_stack;
    QLabel* m_avatar;
    QLabel* m_title;
    QLabel* m_summary;
    QLineEdit* m_search;
    QWidget* m_jumps;
    QStackedWidget* m_body;
    QScrollArea* m_scroll;
    QWidget* m_sections = nullptr;
    QHash<int, QWidget*> m_sectionWidgets; // by core::Section
    QHash<qint64, EntryCard*> m_cards;
    QHash<qint64, core::Section> m_sectionOf;
    std::deque<PendingCard> m_pending;
    bool m_isMakingQueued = false;
    QLabel* m_resultsHeading;
    SearchResultsView* m_results;
};

} // namespace attune::gui
