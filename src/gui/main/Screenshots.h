// SPDX-License-Identifier: MIT
// `attune --screenshots DIR`: every page and the main dialogs rendered to PNG, for the docs
// and for review.
#pragma once

#include <QStringList>

namespace attune::gui {

class MainWindow;
class Workspace;

// Renders each page at 1280×800 to DIR/<page-id>.png, plus the dialogs, and returns the
// files written. Throws std::runtime_error when a file cannot be written.
QStringList saveScreenshots(MainWindow& window, Workspace& workspace, const QString& folder);

} // namespace attune::gui
