// SPDX-License-Identifier: MIT
// The notebook's words and small formatting rules, shared by its page, dialogs and printout:
// section names and prompts, use labels, friendly days, and search snippets as HTML.
#pragma once

#include "attune/core/Notebook.h"

#include <QColor>
#include <QString>

#include <string>

namespace attune::gui {

class Workspace;

namespace notebook {

QString sectionTitle(core::Section section);
// What a section holds, in a line (under its heading).
QString sectionBlurb(core::Section section);
// "Add a strength", "Add an interest", … for the section's add button.
QString addLabel(core::Section section);
// "New strength", "New interest", … for a row that starts a new entry.
QString newLabel(core::Section section);
// A calm invitation shown in a section that is still empty; %1 is the child's name.
QString emptyPrompt(core::Section section, const QString& childName);
// A soft colour that marks the section (heading dot, card edge, printout).
QColor sectionColor(core::Section section);

// The column headings of a mirror trait.
QString struggleHeading();
QString shineHeading();

QString useLabel(const Workspace& workspace, core::Use use);
QString useHint(const Workspace& workspace, core::Use use);

// "today", "yesterday", "3 Nov", "3 Nov 2024": a day written as people say it. An unreadable
// day is returned as it is.
QString friendlyDay(const std::string& day, const std::string& today);

// A search snippet with its kMatchStart/kMatchEnd markers as <b>…</b>, everything else escaped.
QString snippetToHtml(const std::string& snippet);
// The same snippet without markers.
QString snippetToPlain(const std::string& snippet);

// The first sentence of `text` (or its first `maxChars` characters, ending in "…").
QString firstSentence(const QString& text, int maxChars = 110);

} // namespace notebook
} // namespace attune::gui
