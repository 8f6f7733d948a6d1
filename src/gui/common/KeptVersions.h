// SPDX-License-Identifier: MIT
// Telling a parent, plainly, that a field they saved had also changed elsewhere while the form
// was open, and that the other version is kept (Edit → Earlier versions…).
#pragma once

#include <QString>

#include <string>

class QWidget;

namespace attune::core {
struct EditResult;
}

namespace attune::gui {

class Workspace;

// A parent's name for a column of a table ("birth_story" of "children" → "The day you were
// born"); the column itself when Attune has no name for it.
QString fieldLabel(const std::string& table, const std::string& column);

// After a save: when `result` kept other versions, says so through prompts().inform(). Returns
// true when it did.
bool tellKeptVersions(Workspace& workspace, QWidget* parent, const std::string& table, const core::EditResult& result);

} // namespace attune::gui
