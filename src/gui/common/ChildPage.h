// SPDX-License-Identifier: MIT
// A page about one child (Profile, One-on-one, Notebook, …). The main window tells every such
// page which child is selected; 0 means none.
#pragma once

#include <QWidget>

namespace attune::gui {

class ChildPage : public QWidget {
    Q_OBJECT

public:
    using QWidget::QWidget;
    virtual void setChild(qint64 childId) = 0;
};

} // namespace attune::gui
