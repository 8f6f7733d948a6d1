// SPDX-License-Identifier: MIT
#include "common/OutputPrompt.h"

#include "common/Prompts.h"
#include "common/QtConvert.h"
#include "common/Workspace.h"

#include "attune/core/Database.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace attune::gui {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("OutputPrompt", text);
}
} // namespace

bool mayWriteOutput(Workspace& workspace, QWidget* parent, const QString& path, core::OutputKind kind,
                    const QString& refusedTitle)
{
    const std::filesystem::path target = core::withoutTrailingSlash(toStd(path));
    const std::filesystem::path database = workspace.database().path();
    bool mayReplace = false;
    for (;;) {
        try {
            core::checkOutputPath(target, {kind, database, mayReplace});
            return true;
        } catch (const core::OutputPathError& error) {
            if (error.reason() != core::OutputPathError::Reason::Exists || mayReplace) {
                workspace.prompts().warn(parent, refusedTitle, toQString(error.what()));
                return false;
            }
        }
        const QString name = toQString(target.filename().string());
        const bool isFile = kind == core::OutputKind::File;
        const QString title = isFile ? tr("Replace “%1”?").arg(name) : tr("Replace the CSV files in “%1”?").arg(name);
        const QString text = isFile ? tr("There is already a file called “%1” there. If you replace it, what is in it "
                                         "now is gone.")
                                          .arg(name)
                                    : tr("The folder “%1” already holds CSV files from an earlier export. If you "
                                         "replace them, the earlier ones are gone.")
                                          .arg(name);
        if (!workspace.prompts().confirm(parent, title, text, tr("Replace")))
            return false;
        mayReplace = true; // and checked once more: read-only and the like still stop it
    }
}

} // namespace attune::gui
