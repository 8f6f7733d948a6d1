// SPDX-License-Identifier: MIT
// Test-only: lets the crash-recovery test type into a real reflection of the real app.
#pragma once

#include <QString>

namespace attune::gui {

class MainWindow;

// Opens a reflection for the selected (or first) child at "What happened" and types `text`
// into it through key events, one character every few milliseconds, like a parent would.
// Used only when ATTUNE_TEST_TYPE_REFLECTION is set.
void typeReflectionForTest(MainWindow& window, const QString& text);

} // namespace attune::gui
