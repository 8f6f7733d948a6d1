// SPDX-License-Identifier: MIT
#include "help/WelcomeDialog.h"

#include "common/QtConvert.h"
#include "common/Widgets.h"
#include "common/Workspace.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace attune::gui {

WelcomeDialog::WelcomeDialog(const Content& content, const QString& databasePath, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("welcomeDialog"));
    setWindowTitle(tr("Welcome to Attune"));
    resize(620, 680);

    auto* body = new QWidget;
    auto* column = new QVBoxLayout(body);
    column->setSpacing(10);
    column->addWidget(makeHeading(tr("Welcome to Attune"), 1, body));
    auto* intro = new QLabel(tr("A quiet place for three small habits: ten minutes a day where your child leads the "
                                "play; a few calm questions after a hard moment, starting with you; and noticing "
                                "what your child is good at and loves."),
                             body);
    intro->setWordWrap(true);
    column->addWidget(intro);

    column->addWidget(makeHeading(tr("Before you start"), 3, body));
    QString points;
    for (const auto& point : content.disclaimer.points)
        points += QStringLiteral("<p><b>%1</b><br>%2</p>")
                      .arg(toQString(point.title).toHtmlEscaped(), toQString(point.body).toHtmlEscaped());
    auto* disclaimer = new QLabel(points, body);
    disclaimer->setObjectName(QStringLiteral("welcomeDisclaimer"));
    disclaimer->setTextFormat(Qt::RichText);
    disclaimer->setWordWrap(true);
    column->addWidget(disclaimer);

    auto* where = new QLabel(tr("Your notes are kept in one file on this computer:\n%1").arg(databasePath), body);
    where->setObjectName(QStringLiteral("muted"));
    where->setWordWrap(true);
    where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    column->addWidget(where);
    column->addStretch();

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(body);

    auto* buttons = new QDialogButtonBox(this);
    QPushButton* add = makePrimaryButton(tr("Add your first child"), this);
    buttons->addButton(add, QDialogButtonBox::AcceptRole);
    add->setDefault(true);
    buttons->addButton(tr("Look around first"), QDialogButtonBox::RejectRole);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(scroll);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        m_wantsToAddChild = true;
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

} // namespace attune::gui
