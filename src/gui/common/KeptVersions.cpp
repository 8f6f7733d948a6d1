// SPDX-License-Identifier: MIT
#include "common/KeptVersions.h"

#include "common/Prompts.h"
#include "common/Workspace.h"

#include "attune/core/RecordHistory.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

#include <cstring>

namespace attune::gui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("KeptVersions", text);
}

struct Label {
    const char* table;
    const char* column;
    const char* label;
};

// The forms' own words for the fields a parent edits.
constexpr Label kLabels[] = {
    {"children", "name", QT_TRANSLATE_NOOP("KeptVersions", "Name")},
    {"children", "birth_date", QT_TRANSLATE_NOOP("KeptVersions", "Birth date")},
    {"children", "pronouns", QT_TRANSLATE_NOOP("KeptVersions", "Pronouns")},
    {"children", "goal_minutes", QT_TRANSLATE_NOOP("KeptVersions", "Daily one-on-one goal")},
    {"children", "avatar_color", QT_TRANSLATE_NOOP("KeptVersions", "Avatar colour")},
    {"children", "photo", QT_TRANSLATE_NOOP("KeptVersions", "Photo")},
    {"children", "birth_story", QT_TRANSLATE_NOOP("KeptVersions", "The day you were born")},
    {"coreg_items", "rating", QT_TRANSLATE_NOOP("KeptVersions", "How it works for them")},
    {"coreg_items", "note", QT_TRANSLATE_NOOP("KeptVersions", "Note")},
    {"sessions", "child_id", QT_TRANSLATE_NOOP("KeptVersions", "Child")},
    {"sessions", "caregiver_uuid", QT_TRANSLATE_NOOP("KeptVersions", "Who")},
    {"sessions", "day", QT_TRANSLATE_NOOP("KeptVersions", "Day")},
    {"sessions", "start_ms", QT_TRANSLATE_NOOP("KeptVersions", "Start time")},
    {"sessions", "minutes", QT_TRANSLATE_NOOP("KeptVersions", "Minutes")},
    {"sessions", "activity", QT_TRANSLATE_NOOP("KeptVersions", "What we did")},
    {"sessions", "child_led", QT_TRANSLATE_NOOP("KeptVersions", "My child led")},
    {"sessions", "no_screens", QT_TRANSLATE_NOOP("KeptVersions", "No screens")},
    {"sessions", "no_interruptions", QT_TRANSLATE_NOOP("KeptVersions", "No interruptions")},
    {"sessions", "presence", QT_TRANSLATE_NOOP("KeptVersions", "How present I felt")},
    {"sessions", "mood_before", QT_TRANSLATE_NOOP("KeptVersions", "Feeling before")},
    {"sessions", "mood_after", QT_TRANSLATE_NOOP("KeptVersions", "Feeling after")},
    {"sessions", "note", QT_TRANSLATE_NOOP("KeptVersions", "Note")},
    {"sessions", "marvel", QT_TRANSLATE_NOOP("KeptVersions", "Something I marvelled at")},
    {"notebook_entries", "section", QT_TRANSLATE_NOOP("KeptVersions", "Section")},
    {"notebook_entries", "title", QT_TRANSLATE_NOOP("KeptVersions", "Title")},
    {"notebook_entries", "shine", QT_TRANSLATE_NOOP("KeptVersions", "Where it shines")},
    {"notebook_entries", "details", QT_TRANSLATE_NOOP("KeptVersions", "Details")},
    {"notebook_entries", "noticed_on", QT_TRANSLATE_NOOP("KeptVersions", "First noticed")},
    {"notebook_entries", "is_pinned", QT_TRANSLATE_NOOP("KeptVersions", "Pinned")},
    {"notebook_entries", "uses", QT_TRANSLATE_NOOP("KeptVersions", "Uses")},
    {"notebook_evidence", "day", QT_TRANSLATE_NOOP("KeptVersions", "Day of a note")},
    {"notebook_evidence", "note", QT_TRANSLATE_NOOP("KeptVersions", "A dated note")},
    {"problems", "text", QT_TRANSLATE_NOOP("KeptVersions", "The unsolved problem")},
    {"problems", "status", QT_TRANSLATE_NOOP("KeptVersions", "Status")},
    {"problems", "plan", QT_TRANSLATE_NOOP("KeptVersions", "Plan")},
    {"problems", "review_on", QT_TRANSLATE_NOOP("KeptVersions", "Review on")},
    {"plan_b_talks", "scheduled_on", QT_TRANSLATE_NOOP("KeptVersions", "Talk on")},
    {"plan_b_talks", "scheduled_time", QT_TRANSLATE_NOOP("KeptVersions", "Talk at")},
    {"plan_b_talks", "child_concern", QT_TRANSLATE_NOOP("KeptVersions", "My child's concern")},
    {"plan_b_talks", "my_concern", QT_TRANSLATE_NOOP("KeptVersions", "My concern")},
    {"plan_b_talks", "ideas", QT_TRANSLATE_NOOP("KeptVersions", "Ideas we had")},
    {"plan_b_talks", "agreed", QT_TRANSLATE_NOOP("KeptVersions", "What we agreed to try")},
    {"plan_b_talks", "likelihood", QT_TRANSLATE_NOOP("KeptVersions", "How likely it is to work")},
    {"plan_b_talks", "review_on", QT_TRANSLATE_NOOP("KeptVersions", "Review on")},
};

} // namespace

QString fieldLabel(const std::string& table, const std::string& column)
{
    for (const Label& label : kLabels) {
        if (table == label.table && column == label.column)
            return tr(label.label);
    }
    return QString::fromStdString(column);
}

bool tellKeptVersions(Workspace& workspace, QWidget* parent, const std::string& table, const core::EditResult& result)
{
    if (result.keptFields.empty())
        return false;
    QStringList fields;
    for (const auto& column : result.keptFields)
        fields << QStringLiteral("\u201C%1\u201D").arg(fieldLabel(table, column));
    workspace.prompts().inform(
        parent, tr("Saved, and the other version kept"),
        tr("While this was open, %1 also changed somewhere else (another window, an undo, an import or a restore). "
           "Your version is saved. The other one is kept too: Edit \u2192 Earlier versions\u2026 shows it, and you "
           "can copy it back from there.")
            .arg(QLocale().createSeparatedList(fields)));
    return true;
}

} // namespace attune::gui
