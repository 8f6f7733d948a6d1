// SPDX-License-Identifier: MIT
#include "notebook/NotebookPage.h"

#include "common/Avatar.h"
#include "common/Prompts.h"
#include "common/QtConvert.h"
#include "common/Undo.h"
#include "common/Widgets.h"
#include "common/FlowLayout.h"
#include "common/Workspace.h"
#include "notebook/EntryCard.h"
#include "notebook/EntryEditorDialog.h"
#include "notebook/NotebookActions.h"
#include "notebook/NotebookFormat.h"
#include "notebook/OnePageProfileDialog.h"
#include "notebook/SearchResultsView.h"
#include "onetoone/SessionActions.h"

#include "attune/core/Errors.h"
#include "attune/core/Family.h"
#include "attune/core/Search.h"

#include <QDate>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QShortcut>
#include <QStackedLayout>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace attune::gui {

namespace {

constexpr int kColumns = 2;       // cards side by side in an ordinary section
constexpr int kSearchLimit = 50;  // hits listed for one query
constexpr int kFirstCards = 8;    // made before the page first shows: about a screenful
constexpr int kCardsPerTurn = 16; // made on each later turn of the event loop

QPixmap dot(const QColor& color, qreal ratio)
{
    const int size = 12;
    QPixmap pixmap(qRound(size * ratio), qRound(size * ratio));
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawEllipse(QRectF(0, 0, pixmap.width(), pixmap.height()));
    painter.end();
    pixmap.setDevicePixelRatio(ratio);
    return pixmap;
}

QString sectionKey(core::Section section)
{
    return toQString(core::toString(section));
}

} // namespace

NotebookPage::NotebookPage(Workspace& workspace, QWidget* parent)
    : ChildPage(parent)
    , m_workspace(workspace)
    , m_stack(new QStackedLayout(this))
    , m_avatar(new QLabel(this))
    , m_title(makeHeading({}, 1, this))
    , m_summary(new QLabel(this))
    , m_search(new QLineEdit(this))
    , m_jumps(new QWidget(this))
    , m_body(new QStackedWidget(this))
    , m_scroll(new QScrollArea(this))
    , m_resultsHeading(new QLabel(this))
    , m_results(new SearchResultsView(this))
{
    setObjectName(QStringLiteral("notebookPage"));
    auto* empty = new EmptyState(tr("No child chosen"),
                                 tr("Choose a child on the left to open their notebook: what they are good at, what "
                                    "lights them up, and the bright side of each struggle."),
                                 this);
    connect(empty->addAction(tr("Add a child")), &QPushButton::clicked, this, &NotebookPage::addChildRequested);
    m_stack->addWidget(empty);

    auto* page = new QWidget(this);
    page->setObjectName(QStringLiteral("page"));
    auto* column = new QVBoxLayout(page);
    column->setContentsMargins(28, 24, 28, 0);
    column->setSpacing(12);

    // Whose notebook, and the page's two actions.
    auto* header = new QHBoxLayout;
    header->setSpacing(16);
    header->addWidget(m_avatar, 0, Qt::AlignTop);
    auto* names = new QVBoxLayout;
    names->setSpacing(2);
    names->addWidget(m_title);
    m_summary->setObjectName(QStringLiteral("muted"));
    m_summary->setWordWrap(true);
    names->addWidget(m_summary);
    header->addLayout(names, 1);
    auto* sheet = new QPushButton(tr("One-page profile…"), this);
    sheet->setObjectName(QStringLiteral("openOnePageProfile"));
    sheet->setToolTip(tr("Choose what goes on a one-page profile for a teacher or grandparent; print it or save a PDF."));
    auto* add = makePrimaryButton(tr("Add to the notebook"), this);
    add->setObjectName(QStringLiteral("addToNotebook"));
    auto* addMenu = new QMenu(add);
    for (const core::Section section : core::kAllSections) {
        QAction* action = addMenu->addAction(notebook::addLabel(section));
        action->setObjectName(QStringLiteral("addMenu-") + sectionKey(section));
        connect(action, &QAction::triggered, this, [this, section] { addEntry(section); });
    }
    add->setMenu(addMenu);
    header->addWidget(sheet, 0, Qt::AlignTop);
    header->addWidget(add, 0, Qt::AlignTop);
    column->addLayout(header);

    // Search as you type.
    m_search->setObjectName(QStringLiteral("notebookSearch"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search the notebook and one-on-one notes"));
    column->addWidget(m_search);
    m_jumps->setObjectName(QStringLiteral("sectionJumps"));
    new FlowLayout(m_jumps, 8);
    column->addWidget(m_jumps);

    m_scroll->setWidgetResizable(true);
    m_scroll->setObjectName(QStringLiteral("notebookScroll"));
    m_body->addWidget(m_scroll);
    auto* resultsPanel = new QWidget(this);
    auto* resultsColumn = new QVBoxLayout(resultsPanel);
    resultsColumn->setContentsMargins(0, 4, 0, 12);
    m_resultsHeading->setObjectName(QStringLiteral("searchSummary"));
    m_resultsHeading->setWordWrap(true);
    resultsColumn->addWidget(m_resultsHeading);
    resultsColumn->addWidget(m_results, 1);
    m_body->addWidget(resultsPanel);
    column->addWidget(m_body, 1);
    m_stack->addWidget(page);

    // Ctrl+F from anywhere on the page; Esc clears; Down and Enter reach the results.
    auto* find = new QShortcut(QKeySequence::Find, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    m_search->installEventFilter(this);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (m_body->currentIndex() == 1 && m_results->model()->rowCount() > 0)
            m_results->activate(m_results->model()->index(0, 0));
    });
    connect(m_search, &QLineEdit::textChanged, this, &NotebookPage::runSearch);
    connect(m_results, &SearchResultsView::entryActivated, this, &NotebookPage::openEntry);
    connect(m_results, &SearchResultsView::sessionActivated, this,
            [this](qint64 sessionId) { openSession(m_workspace, sessionId, this); });
    connect(sheet, &QPushButton::clicked, this, &NotebookPage::showOnePageProfile);

    connect(&m_workspace, &Workspace::notebookChanged, this, [this](qint64 id) {
        if (id == m_childId)
            scheduleReload();
    });
    connect(&m_workspace, &Workspace::trashChanged, this, &NotebookPage::scheduleReload);
    connect(&m_workspace, &Workspace::childChanged, this, [this](qint64 id) {
        if (id == m_childId)
            refreshHeader();
    });
}

void NotebookPage::setChild(qint64 childId)
{
    m_childId = childId;
    m_stack->setCurrentIndex(childId == 0 ? 0 : 1);
    if (childId == 0)
        return;
    {
        const QSignalBlocker block(m_search);
        m_search->clear();
    }
    m_body->setCurrentIndex(0);
    m_scroll->verticalScrollBar()->setValue(0);
    if (!isVisible()) {
        m_isStale = true; // the sidebar changes child on every page: this one reads when shown
        return;
    }
    reload(true);
}

void NotebookPage::showEvent(QShowEvent* event)
{
    ChildPage::showEvent(event);
    if (m_isStale && m_childId != 0)
        reload(true); // before the first paint, so another child's cards never show
}

bool NotebookPage::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Escape && !m_search->text().isEmpty()) {
            m_search->clear();
            return true;
        }
        if (key->key() == Qt::Key_Down && m_body->currentIndex() == 1 && m_results->model()->rowCount() > 0) {
            m_results->setFocus();
            m_results->setCurrentIndex(m_results->model()->index(0, 0));
            return true;
        }
    }
    return ChildPage::eventFilter(watched, event);
}

void NotebookPage::scheduleReload()
{
    if (m_childId == 0)
        return;
    if (!isVisible()) {
        m_isStale = true; // read again when shown: a hidden page costs nothing
        return;
    }
    if (m_isReloadQueued)
        return;
    m_isReloadQueued = true;
    QTimer::singleShot(0, this, [this] {
        if (m_isReloadQueued)
            reload();
    });
}

void NotebookPage::refreshHeader()
{
    try {
        const core::Child child = m_workspace.family().child(m_childId);
        const QString name = toQString(child.data.name);
        m_avatar->setPixmap(avatarPixmap(name, toQString(child.data.avatarColor), toBytes(child.data.photo), 56,
                                         devicePixelRatioF()));
        m_title->setText(tr("%1's notebook").arg(name));
        m_search->setPlaceholderText(tr("Search %1's notebook and one-on-one notes   (Ctrl+F)").arg(name));
    } catch (const core::StorageError&) {
        // The child went to the trash; the main window chooses another.
    }
}

void NotebookPage::reload(bool isProgressive)
{
    m_isReloadQueued = false;
    m_isStale = false;
    if (m_childId == 0)
        return;
    core::NotebookPage notebookPage;
    QString name;
    try {
        notebookPage = m_workspace.notebook().page(m_childId);
        name = toQString(m_workspace.family().child(m_childId).data.name);
    } catch (const core::StorageError&) {
        setChild(0);
        return;
    }
    refreshHeader();
    const int scrolled = m_scroll->verticalScrollBar()->value();

    // The old cards may be the sender of the signal that led here: they go once it returns.
    if (QWidget* old = m_scroll->takeWidget()) {
        old->hide();
        old->deleteLater();
    }
    m_cards.clear();
    m_sectionOf.clear();
    m_sectionWidgets.clear();
    m_pending.clear();
    m_sections = new QWidget;
    m_sections->setObjectName(QStringLiteral("page"));
    auto* column = new QVBoxLayout(m_sections);
    column->setContentsMargins(0, 8, 4, 28);
    column->setSpacing(30);

    auto* jumps = static_cast<FlowLayout*>(m_jumps->layout());
    while (QLayoutItem* item = jumps->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    int entries = 0;
    int notes = 0;
    for (const auto& section : notebookPage.sections) {
        QWidget* block = buildSection(section, name);
        m_sectionWidgets.insert(static_cast<int>(section.section), block);
        column->addWidget(block);
        entries += static_cast<int>(section.entries.size());
        for (const auto& entry : section.entries)
            notes += entry.evidenceCount + entry.shineEvidenceCount;

        auto* jump = new QToolButton(m_jumps);
        jump->setObjectName(QStringLiteral("sectionJump"));
        jump->setText(section.entries.empty()
                          ? notebook::sectionTitle(section.section)
                          : QStringLiteral("%1  %2").arg(notebook::sectionTitle(section.section)).arg(section.entries.size()));
        jump->setAccessibleName(tr("Go to %1").arg(notebook::sectionTitle(section.section)));
        jump->setCursor(Qt::PointingHandCursor);
        connect(jump, &QToolButton::clicked, this, [this, which = section.section] { scrollToSection(which); });
        jumps->addWidget(jump);
    }
    column->addStretch();
    m_summary->setText(entries == 0 ? tr("Everything you notice about %1, kept in one place. Start with one thing "
                                         "they are good at.")
                                          .arg(name)
                                    : tr("%1  ·  %2 of what you've seen")
                                          .arg(countText(entries, tr("entry"), tr("entries")),
                                               countText(notes, tr("dated note"), tr("dated notes"))));
    makeCards(isProgressive ? kFirstCards : static_cast<int>(m_pending.size()));
    m_scroll->setWidget(m_sections);
    m_sections->layout()->activate();
    fitSections();
    m_scroll->verticalScrollBar()->setValue(scrolled);
    if (!m_pending.empty() && !m_isMakingQueued) {
        m_isMakingQueued = true;
        QTimer::singleShot(0, this, &NotebookPage::makeRemainingCards);
    }
    if (!m_search->text().trimmed().isEmpty())
        runSearch();
}

QWidget* NotebookPage::buildSection(const core::NotebookSection& section, const QString& childName)
{
    auto* block = new QWidget(m_sections);
    block->setObjectName(QStringLiteral("section-") + sectionKey(section.section));
    auto* layout = new QVBoxLayout(block);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);

    auto* header = new QHBoxLayout;
    header->setSpacing(10);
    auto* marker = new QLabel(block);
    marker->setPixmap(dot(notebook::sectionColor(section.section), devicePixelRatioF()));
    header->addWidget(marker, 0, Qt::AlignVCenter);
    QLabel* heading = makeHeading(notebook::sectionTitle(section.section), 2, block);
    heading->setWordWrap(false); // one line: wrapping labels are measured at every layout pass
    header->addWidget(heading);
    if (!section.entries.empty()) {
        auto* count = new QLabel(QString::number(section.entries.size()), block);
        count->setObjectName(QStringLiteral("muted"));
        header->addWidget(count, 0, Qt::AlignVCenter);
    }
    header->addStretch();
    auto* add = new QPushButton(QStringLiteral("+  ") + notebook::addLabel(section.section), block);
    add->setObjectName(QStringLiteral("add-") + sectionKey(section.section));
    add->setAccessibleName(notebook::addLabel(section.section));
    add->setFlat(true);
    add->setCursor(Qt::PointingHandCursor);
    connect(add, &QPushButton::clicked, this, [this, which = section.section] { addEntry(which); });
    header->addWidget(add);
    layout->addLayout(header);
    auto* blurb = new QLabel(notebook::sectionBlurb(section.section), block);
    blurb->setObjectName(QStringLiteral("muted"));
    layout->addWidget(blurb);
    layout->addSpacing(4);

    if (section.entries.empty()) {
        auto* prompt = new QLabel(notebook::emptyPrompt(section.section, childName), block);
        prompt->setObjectName(QStringLiteral("emptySection"));
        prompt->setWordWrap(true);
        layout->addWidget(prompt);
        return block;
    }

    const bool isMirror = section.section == core::Section::MirrorTraits;
    const int columns = isMirror ? 1 : kColumns;
    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(14);
    grid->setVerticalSpacing(14);
    for (int c = 0; c < columns; ++c)
        grid->setColumnStretch(c, 1);
    const int count = static_cast<int>(section.entries.size());
    for (int i = 0; i < count; ++i) {
        PendingCard pending;
        pending.block = block;
        pending.grid = grid;
        pending.entry = section.entries[static_cast<std::size_t>(i)];
        pending.index = i;
        pending.columns = columns;
        // Pinned entries stay above the others, so each group moves only within itself.
        const bool isPinned = pending.entry.isPinned;
        pending.canMoveUp = i > 0 && section.entries[static_cast<std::size_t>(i - 1)].isPinned == isPinned;
        pending.canMoveDown = i + 1 < count && section.entries[static_cast<std::size_t>(i + 1)].isPinned == isPinned;
        m_sectionOf.insert(pending.entry.id, section.section);
        m_pending.push_back(std::move(pending));
    }
    layout->addLayout(grid);
    return block;
}

void NotebookPage::makeCards(int count)
{
    for (; count > 0 && !m_pending.empty(); --count) {
        PendingCard pending = std::move(m_pending.front());
        m_pending.pop_front();
        std::optional<core::Entry> full;
        if (pending.entry.section == core::Section::MirrorTraits) {
            try {
                full = m_workspace.notebook().entry(pending.entry.id);
            } catch (const core::StorageError&) {
                // Gone to the trash meanwhile: its card shows without notes until the next reload.
            }
        }
        auto* card = new EntryCard(m_workspace, pending.entry, {pending.canMoveUp, pending.canMoveDown}, full,
                                   pending.block);
        connect(card, &EntryCard::openRequested, this, &NotebookPage::openEntry);
        connect(card, &EntryCard::pinRequested, this, &NotebookPage::setPinned);
        connect(card, &EntryCard::moveRequested, this, &NotebookPage::move);
        connect(card, &EntryCard::trashRequested, this, &NotebookPage::moveToTrash);
        pending.grid->addWidget(card, pending.index / pending.columns, pending.index % pending.columns);
        m_cards.insert(pending.entry.id, card);
    }
}

void NotebookPage::makeRemainingCards()
{
    m_isMakingQueued = false;
    makeCards(kCardsPerTurn);
    fitSections();
    if (!m_pending.empty()) {
        m_isMakingQueued = true;
        QTimer::singleShot(0, this, &NotebookPage::makeRemainingCards);
    }
}

EntryCard* NotebookPage::card(qint64 entryId)
{
    if (!m_cards.contains(entryId) && !m_pending.empty()) {
        makeCards(static_cast<int>(m_pending.size()));
        fitSections();
    }
    return m_cards.value(entryId);
}

void NotebookPage::fitSections()
{
    // The scroll area would grow the page on its next turn; until then the cards just added would
    // be squeezed into the old height for a frame. Grow it now.
    if (!m_sections)
        return;
    const int height = m_sections->heightForWidth(m_sections->width());
    if (height > m_sections->height())
        m_sections->resize(m_sections->width(), height);
}

void NotebookPage::addEntry(core::Section section)
{
    if (m_childId == 0)
        return;
    EntryEditorDialog dialog(m_workspace, m_childId, 0, section, this);
    if (dialog.exec() == QDialog::Accepted) {
        reload();
        focusCard(dialog.entryId());
    }
}

void NotebookPage::openEntry(qint64 entryId)
{
    if (entryId == 0)
        return;
    EntryEditorDialog::openEntry(m_workspace, entryId, this);
    if (m_isReloadQueued || m_isStale)
        reload();
    if (m_body->currentIndex() == 0)
        focusCard(entryId);
}

void NotebookPage::setSearchText(const QString& text)
{
    m_search->setText(text);
}

void NotebookPage::scrollToSection(core::Section section)
{
    if (QWidget* block = m_sectionWidgets.value(static_cast<int>(section))) {
        makeCards(static_cast<int>(m_pending.size())); // everything above it takes its room
        fitSections();
        m_search->clear();
        m_sections->layout()->activate();
        m_scroll->verticalScrollBar()->setValue(block->y());
    }
}

void NotebookPage::showOnePageProfile()
{
    if (m_childId == 0)
        return;
    OnePageProfileDialog dialog(m_workspace, m_childId, this);
    dialog.exec();
}

void NotebookPage::runSearch()
{
    const QString text = m_search->text();
    const bool isSearching = !text.trimmed().isEmpty() && m_childId != 0;
    m_jumps->setVisible(!isSearching);
    if (!isSearching) {
        m_body->setCurrentIndex(0);
        m_results->setRows({});
        return;
    }
    m_body->setCurrentIndex(1);
    std::vector<core::SearchHit> hits;
    try {
        hits = m_workspace.search().find(toStd(text), m_childId, kSearchLimit);
    } catch (const core::StorageError& error) {
        m_results->setRows({});
        m_resultsHeading->setText(toQString(error.what()));
        return;
    }
    std::vector<SearchResultRow> rows;
    rows.reserve(hits.size());
    for (const auto& hit : hits) {
        SearchResultRow row;
        if (hit.kind == core::search_kind::kSession) {
            // A session's words: its day as the heading, "One-on-one time" as where it is.
            row.sessionId = hit.refId;
            row.label = QDate::fromString(toQString(hit.label), Qt::ISODate).toString(QStringLiteral("d MMMM yyyy"));
            row.where = tr("One-on-one time");
            row.snippetHtml = notebook::snippetToHtml(hit.snippet);
            row.snippetPlain = notebook::snippetToPlain(hit.snippet);
            rows.push_back(std::move(row));
            continue;
        }
        row.entryId = hit.ownerId;
        row.label = toQString(hit.label);
        const auto section = m_sectionOf.find(hit.ownerId);
        row.where = section != m_sectionOf.end() ? notebook::sectionTitle(*section) : QString();
        if (hit.kind == core::search_kind::kEvidence)
            row.where = row.where.isEmpty() ? tr("a note") : tr("%1 · a note").arg(row.where);
        row.snippetHtml = notebook::snippetToHtml(hit.snippet);
        row.snippetPlain = notebook::snippetToPlain(hit.snippet);
        rows.push_back(std::move(row));
    }
    const QString quoted = tr("“%1”").arg(text.trimmed());
    if (rows.empty())
        m_resultsHeading->setText(tr("Nothing found for %1. Try fewer letters, or another word.").arg(quoted));
    else if (static_cast<int>(rows.size()) >= kSearchLimit)
        m_resultsHeading->setText(tr("The best %1 matches for %2").arg(rows.size()).arg(quoted));
    else
        m_resultsHeading->setText(tr("%1 for %2").arg(countText(static_cast<int>(rows.size()), tr("match"), tr("matches")),
                                                      quoted));
    m_results->setRows(std::move(rows));
}

void NotebookPage::setPinned(qint64 entryId, bool isPinned)
{
    try {
        perform(m_workspace, undo::setPinned(m_workspace, m_childId, entryId, isPinned)); // emits notebookChanged
    } catch (const std::exception& error) {
        m_workspace.prompts().warn(this, tr("Not changed"), toQString(error.what()));
        return;
    }
    reload();
    focusCard(entryId);
}

void NotebookPage::move(qint64 entryId, int step)
{
    // The first card cannot go up (nor the last down): that would put a step on the undo
    // stack that changes nothing.
    if (EntryCard* found = card(entryId);
        found && !found->isButtonEnabled(step < 0 ? EntryCard::Button::Up : EntryCard::Button::Down))
        return;
    try {
        perform(m_workspace, undo::moveEntry(m_workspace, m_childId, entryId, step)); // emits notebookChanged
    } catch (const std::exception& error) {
        m_workspace.prompts().warn(this, tr("Not moved"), toQString(error.what()));
        return;
    }
    reload();
    focusCard(entryId);
}

void NotebookPage::moveToTrash(qint64 entryId)
{
    EntryCard* found = card(entryId);
    const QString name = found ? found->accessibleName() : tr("this entry");
    if (!trashNotebookEntry(m_workspace, this, m_childId, entryId, name))
        return;
    reload();
}

void NotebookPage::focusCard(qint64 entryId)
{
    const auto focus = [this, entryId] {
        if (EntryCard* found = card(entryId)) {
            found->setFocus(Qt::OtherFocusReason);
            m_scroll->ensureWidgetVisible(found, 20, 40);
        }
    };
    focus();
    // Once more after a closing dialog has handed the focus back to the window.
    QTimer::singleShot(0, this, focus);
}

} // namespace attune::gui
