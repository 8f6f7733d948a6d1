// SPDX-License-Identifier: MIT
#include "GuiFixture.h"

#include "attune/core/Database.h"
#include "attune/core/Family.h"

#include <QSettings>

namespace attune::test {

GuiTest::GuiTest()
{
    QSettings().clear(); // every test starts like a first run
    workspace = std::make_unique<gui::Workspace>(core::Database::create(dir / "family.sqlite"), clock, prompts);
}

GuiTest::~GuiTest()
{
    workspace.reset();
    QSettings().clear();
}

core::Id GuiTest::addChild(const std::string& name)
{
    core::ChildDraft draft;
    draft.name = name;
    const core::Id id = workspace->family().addChild(draft).meta.id;
    Q_EMIT workspace->childrenChanged();
    return id;
}

} // namespace attune::test
