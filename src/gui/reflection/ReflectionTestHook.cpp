// SPDX-License-Identifier: MIT
#include "reflection/ReflectionTestHook.h"

#include "main/MainWindow.h"
#include "reflection/ReflectionWizard.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QPlainTextEdit>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace attune::gui {

void typeReflectionForTest(MainWindow& window, const QString& text)
{
    ReflectionWizard* wizard = window.startReflection(window.currentChild());
    if (wizard == nullptr)
        return;
    wizard->goToStep(2);
    QPointer<QPlainTextEdit> edit = wizard->findChild<QPlainTextEdit*>(QStringLiteral("whatHappened"));
    if (!edit)
        return;
    edit->setFocus();
    // Whole characters, so a character outside the BMP arrives as one key press.
    auto characters = std::make_shared<QStringList>();
    for (qsizetype i = 0; i < text.size(); ++i) {
        const qsizetype length = text.at(i).isHighSurrogate() && i + 1 < text.size() ? 2 : 1;
        characters->append(text.mid(i, length));
        i += length - 1;
    }
    auto* timer = new QTimer(wizard);
    auto next = std::make_shared<qsizetype>(0);
    QObject::connect(timer, &QTimer::timeout, wizard, [timer, edit, characters, next] {
        if (!edit || *next >= characters->size()) {
            timer->stop();
            return;
        }
        const QString character = characters->at((*next)++);
        const bool isReturn = character == QStringLiteral("\n");
        const int key = isReturn ? Qt::Key_Return : 0;
        const QString typed = isReturn ? QStringLiteral("\r") : character;
        QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier, typed);
        QCoreApplication::sendEvent(edit, &press);
        QKeyEvent release(QEvent::KeyRelease, key, Qt::NoModifier, typed);
        QCoreApplication::sendEvent(edit, &release);
    });
    timer->start(10);
}

} // namespace attune::gui
