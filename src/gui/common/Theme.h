// SPDX-License-Identifier: MIT
// The app's calm look: a style sheet drawn from the current palette, so light and dark
// both follow the system.
#pragma once

class QApplication;

namespace attune::gui {

void applyTheme(QApplication& app);

} // namespace attune::gui
