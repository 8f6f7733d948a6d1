// SPDX-License-Identifier: MIT
// Search results as you type: each hit's entry title, its section, and a few words around the
// match with the matched words in bold. Activating a hit (click, Enter) asks to open its entry.
#pragma once

#include <QAbstractListModel>
#include <QListView>

#include <vector>

namespace attune::gui {

struct SearchResultRow {
    qint64 entryId = 0;
    QString label;       // the entry's title
    QString where;       // "Strengths", "Strengths · a note"
    QString snippetHtml; // escaped, matches in <b>
    QString snippetPlain;
};

class SearchResultsModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role { EntryIdRole = Qt::UserRole + 1, WhereRole, SnippetHtmlRole, SnippetPlainRole };

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

Q_SIGNALS:
    void entryActivated(qint64 entryId);

private:
    SearchResultsModel* m_model;
};

} // namespace attune::gui
