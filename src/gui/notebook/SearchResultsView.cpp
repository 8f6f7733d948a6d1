// SPDX-License-Identifier: MIT
#include "notebook/SearchResultsView.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QTextDocument>

namespace attune::gui {

namespace {

constexpr int kPadding = 12;
constexpr int kSnippetLines = 2; // at most; a snippet that fits on one line takes one

// Paints a hit as two parts: a bold title with its section on the right, and the snippet
// (rich text, at most two lines) beneath.
class ResultDelegate : public QStyledItemDelegate {
public:
    explicit ResultDelegate(QListView* view)
        : QStyledItemDelegate(view)
        , m_view(view)
    {
    }

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QStyleOptionViewItem opt(option);
        initStyleOption(&opt, index);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        const QRectF card = QRectF(opt.rect).adjusted(2, 3, -2, -3);
        const bool isSelected = opt.state.testFlag(QStyle::State_Selected);
        const bool isHovered = opt.state.testFlag(QStyle::State_MouseOver);
        // The application's colours: the view itself is transparent over the page.
        const QPalette palette = QApplication::palette();
        const QColor base = palette.color(QPalette::Base);
        const bool isDark = base.lightness() < 128;
        QColor fill = isDark ? base : QColor(Qt::white);
        if (isSelected)
            fill = isDark ? base.lighter(140) : QColor(0xe6, 0xf1, 0xea);
        else if (isHovered)
            fill = isDark ? base.lighter(120) : QColor(0xf4, 0xf8, 0xf5);
        painter->setPen(QPen(isDark ? base.lighter(160) : QColor(0xdd, 0xe3, 0xdf), 1));
        painter->setBrush(fill);
        painter->drawRoundedRect(card, 10, 10);

        const QRectF inner = card.adjusted(kPadding, kPadding - 2, -kPadding, -kPadding + 2);
        QFont titleFont = opt.font;
        titleFont.setWeight(QFont::DemiBold);
        titleFont.setPointSizeF(opt.font.pointSizeF() * 1.08);
        const QFontMetricsF titleMetrics(titleFont);
        const QString where = index.data(SearchResultsModel::WhereRole).toString();
        const QFontMetricsF smallMetrics(opt.font);
        const qreal whereWidth = smallMetrics.horizontalAdvance(where) + 2;
        painter->setPen(palette.color(QPalette::PlaceholderText));
        painter->setFont(opt.font);
        painter->drawText(QRectF(inner.right() - whereWidth, inner.top(), whereWidth, titleMetrics.height()),
                          Qt::AlignRight | Qt::AlignVCenter, where);
        painter->setPen(palette.color(QPalette::Text));
        painter->setFont(titleFont);
        const QString title = titleMetrics.elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideRight,
                                                      inner.width() - whereWidth - 12);
        painter->drawText(QRectF(inner.left(), inner.top(), inner.width() - whereWidth - 12, titleMetrics.height()),
                          Qt::AlignLeft | Qt::AlignVCenter, title);

        QTextDocument doc;
        doc.setDefaultFont(opt.font);
        doc.setDocumentMargin(0);
        doc.setTextWidth(inner.width());
        doc.setDefaultStyleSheet(isDark ? QStringLiteral("b { background-color: #5a4d2a; }")
                                        : QStringLiteral("b { background-color: #fbeec8; }"));
        doc.setHtml(index.data(SearchResultsModel::SnippetHtmlRole).toString());
        const qreal top = inner.top() + titleMetrics.height() + 4;
        const QRectF clip(0, 0, inner.width(), smallMetrics.lineSpacing() * kSnippetLines + 1);
        painter->translate(inner.left(), top);
        QAbstractTextDocumentLayout::PaintContext context;
        context.palette = palette;
        context.palette.setColor(QPalette::Text, palette.color(QPalette::Text));
        context.palette.setColor(QPalette::WindowText, palette.color(QPalette::Text));
        context.clip = clip;
        painter->setClipRect(clip);
        doc.documentLayout()->draw(painter, context);
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QFont titleFont = option.font;
        titleFont.setPointSizeF(option.font.pointSizeF() * 1.08);
        // Measured, not laid out: a keystroke re-measures every row. Bold matches run a little wider.
        const qreal available = m_view->viewport()->width() - 2 * kPadding - 8;
        const qreal advance = QFontMetricsF(option.font).horizontalAdvance(index.data(SearchResultsModel::SnippetPlainRole).toString()) * 1.06;
        const int lines = advance > available ? kSnippetLines : 1;
        const qreal height = QFontMetricsF(titleFont).height() + 4 + QFontMetricsF(option.font).lineSpacing() * lines
                             + 2 * kPadding + 6;
        return {200, qCeil(height)};
    }

private:
    QListView* m_view;
};

} // namespace

void SearchResultsModel::setRows(std::vector<SearchResultRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int SearchResultsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant SearchResultsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const SearchResultRow& row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole: return row.label;
    case Qt::AccessibleTextRole: return QStringLiteral("%1, %2: %3").arg(row.label, row.where, row.snippetPlain);
    case Qt::ToolTipRole: return row.snippetPlain;
    case EntryIdRole: return row.entryId;
    case SessionIdRole: return row.sessionId;
    case WhereRole: return row.where;
    case SnippetHtmlRole: return row.snippetHtml;
    case SnippetPlainRole: return row.snippetPlain;
    default: return {};
    }
}

SearchResultsView::SearchResultsView(QWidget* parent)
    : QListView(parent)
    , m_model(new SearchResultsModel(this))
{
    setObjectName(QStringLiteral("searchResults"));
    setAccessibleName(tr("Search results"));
    setModel(m_model);
    setItemDelegate(new ResultDelegate(this));
    setMouseTracking(true);
    setAttribute(Qt::WA_Hover);
    setFrameShape(QFrame::NoFrame);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setResizeMode(QListView::Adjust); // rows measure their snippet against the width
    setSelectionMode(QAbstractItemView::SingleSelection);
    viewport()->setAutoFillBackground(false);
    setStyleSheet(QStringLiteral("QListView { background: transparent; }"));
    connect(this, &QListView::activated, this, &SearchResultsView::activate);
    // One click opens, like a link: a hit is a way to its entry.
    connect(this, &QListView::clicked, this, [this](const QModelIndex& index) {
        if (!style()->styleHint(QStyle::SH_ItemView_ActivateItemOnSingleClick, nullptr, this))
            activate(index);
    });
}

void SearchResultsView::activate(const QModelIndex& index)
{
    if (!index.isValid())
        return;
    if (const qint64 session = index.data(SearchResultsModel::SessionIdRole).toLongLong(); session != 0)
        Q_EMIT sessionActivated(session);
    else
        Q_EMIT entryActivated(index.data(SearchResultsModel::EntryIdRole).toLongLong());
}

void SearchResultsView::setRows(std::vector<SearchResultRow> rows)
{
    m_model->setRows(std::move(rows));
}

} // namespace attune::gui
