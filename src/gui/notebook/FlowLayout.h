// SPDX-License-Identifier: MIT
// Lays out small widgets (chips) left to right, wrapping onto the next line when full.
#pragma once

#include <QLayout>
#include <QList>

namespace attune::gui {

class FlowLayout : public QLayout {
public:
    explicit FlowLayout(QWidget* parent = nullptr, int spacing = 6);
    ~FlowLayout() override;

    void addItem(QLayoutItem* item) override;
    int count() const override;
    QLayoutItem* itemAt(int index) const override;
    QLayoutItem* takeAt(int index) override;
    Qt::Orientations expandingDirections() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect& rect) override;

private:
    // Places the items in `rect` (or only measures when `isDryRun`); returns the height used.
    int arrange(const QRect& rect, bool isDryRun) const;

    QList<QLayoutItem*> m_items;
};

} // namespace attune::gui
