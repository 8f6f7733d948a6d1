// SPDX-License-Identifier: MIT
// Shared set-up for the notebook's GUI tests: a child, entries made through the core, and a
// way to answer dialogs that the page opens with exec().
#pragma once

#include "GuiFixture.h"

#include "attune/core/Notebook.h"

#include <QApplication>
#include <QStringList>
#include <QTimer>
#include <QWidget>

#include <functional>

namespace attune::test {

class NotebookGuiTest : public GuiTest {
protected:
    core::Id maya = 0;

    void SetUp() override { maya = addChild("Maya"); }

    core::Id addEntry(core::Section section, const std::string& title, bool isPinned = false,
                      const std::string& shine = {})
    {
        core::EntryDraft draft;
        draft.section = section;
        draft.title = title;
        draft.shine = shine;
        draft.isPinned = isPinned;
        return workspace->notebook().addEntry(maya, draft).meta.id;
    }

    // Titles of a section, in the order the page shows them.
    std::vector<std::string> titles(core::Section section) const
    {
        std::vector<std::string> result;
        for (const auto& entry : workspace->notebook().page(maya).section(section).entries)
            result.push_back(entry.title);
        return result;
    }

    // The texts of every visible inline error message under `root`.
    static QStringList visibleErrors(const QWidget* root);

    // Runs `step` on the modal dialog the next exec() opens (called before the exec()).
    template <typename Dialog>
    static void onNextDialog(std::function<void(Dialog*)> step)
    {
        QTimer::singleShot(0, [step] {
            auto* dialog = qobject_cast<Dialog*>(QApplication::activeModalWidget());
            ASSERT_NE(dialog, nullptr);
            step(dialog);
        });
    }
};

} // namespace attune::test
