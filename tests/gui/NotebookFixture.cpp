// SPDX-License-Identifier: MIT
#include "NotebookFixture.h"

#include "common/Widgets.h"

namespace attune::test {

QStringList NotebookGuiTest::visibleErrors(const QWidget* root)
{
    QStringList messages;
    for (const auto* label : root->findChildren<gui::FieldErrorLabel*>()) {
        if (!label->isHidden() && !label->text().isEmpty())
            messages << label->text();
    }
    return messages;
}

} // namespace attune::test
