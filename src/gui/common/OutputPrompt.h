// SPDX-License-Identifier: MIT
// The core's rules for a path to write (core::checkOutputPath) as a dialog meets them, for
// every dialog that saves a file the parent chose: Attune's own files are refused with a
// warning that names the problem; something ordinary already there is replaced only when the
// parent says so.
#pragma once

#include "attune/core/OutputPath.h"

#include <QString>

class QWidget;

namespace attune::gui {

class Workspace;

// True when `path` may be written; false when it was refused (a warning titled `refusedTitle`
// was shown) or the parent chose not to replace what is there.
bool mayWriteOutput(Workspace& workspace, QWidget* parent, const QString& path, core::OutputKind kind,
                    const QString& refusedTitle);

} // namespace attune::gui
