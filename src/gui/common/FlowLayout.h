// SPDX-License-Identifier: MIT
// A layout that places its items left to right and wraps them onto the next line, like words:
// used for chips, whose number and widths are only known at run time.
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
    int arrange(const QRect& rect, bool isDryRun) const;

    QList<QLayoutItem*> m_items;
    int m_gap;
};

} // namespace attune::gui
