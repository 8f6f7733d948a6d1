// SPDX-License-Identifier: MIT
// Search results as you type: each hit's entry title, its section, and a few words around the
// match with the matched words in bold. Activating a hit (click, Enter) asks to open its entry.
#pragma once

#include <QAbstractListModel>
#include <QListView>

#include <vector>

namespace attune::gui {

struct SearchResultRow {
    qint64 entryId = 0;   // the notebook entry to open, or
    qint64 sessionId = 0; // the one-on-one session to open (a hit in a session's words)
    QString label;       // the entry's title
    QString where;       // "Strengths", "Strengths · a note"
    QString snippetHtml; // escaped, matches in <b>
    QString snippetPlain;
};

class SearchResultsModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role { EntryIdRole = Qt::UserRole + 1, WhereRole, SnippetHtmlRole, SnippetPlainRole, SessionIdRole };

    using QAbstractListModel::QAbstractListModel;
    void setRows(std::vector<SearchResultRow> rows);
    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;

private:
    std::vector<SearchResultRow> m_rows;
};

class SearchResultsView : public QListView {
    Q_OBJECT

public:
    explicit SearchResultsView(QWidget* parent = nullptr);
    SearchResultsModel* resultsModel() const { return m_model; }
    void setRows(std::vector<SearchResultRow> rows);

    // What opening this row means: its session when it has one, else its notebook entry.
    void activate(const QModelIndex& index);

Q_SIGNALS:
    void entryActivated(qint64 entryId);
    void sessionActivated(qint64 sessionId);

private:
    SearchResultsModel* m_model;
};

} // namespace attune::gui
