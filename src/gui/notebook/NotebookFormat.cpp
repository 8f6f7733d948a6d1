// SPDX-License-Identifier: MIT
#include "notebook/NotebookFormat.h"

#include "common/QtConvert.h"
#include "common/Workspace.h"

#include "attune/core/Dates.h"
#include "attune/core/Search.h"

#include <QCoreApplication>
#include <QDate>
#include <QLocale>

namespace attune::gui::notebook {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("Notebook", text);
}

const core::UseInfo* useInfo(const Workspace& workspace, core::Use use)
{
    const std::string key = core::toString(use);
    for (const auto& info : workspace.content().uses) {
        if (info.key == key)
            return &info;
    }
    return nullptr;
}
} // namespace

QString sectionTitle(core::Section section)
{
    switch (section) {
    case core::Section::Strengths: return tr("Strengths");
    case core::Section::Interests: return tr("Interests");
    case core::Section::Skills: return tr("Skills");
    case core::Section::HowTheyThink: return tr("How they think, speak and learn");
    case core::Section::Growing: return tr("Growing");
    case core::Section::MirrorTraits: return tr("Mirror traits");
    }
    return {};
}

QString sectionBlurb(core::Section section)
{
    switch (section) {
    case core::Section::Strengths: return tr("What they are good at, in big ways and small.");
    case core::Section::Interests: return tr("What lights them up. Join in, and share what you love too.");
    case core::Section::Skills: return tr("Things they can do, and things they are learning to do.");
    case core::Section::HowTheyThink: return tr("How their mind works: how they take things in, explain and learn.");
    case core::Section::Growing: return tr("The ways they are growing. Small steps count.");
    case core::Section::MirrorTraits:
        return tr("A struggle, and the same trait where it shines. Both sides are true.");
    }
    return {};
}

QString addLabel(core::Section section)
{
    switch (section) {
    case core::Section::Strengths: return tr("Add a strength");
    case core::Section::Interests: return tr("Add an interest");
    case core::Section::Skills: return tr("Add a skill");
    case core::Section::HowTheyThink: return tr("Add a way they think");
    case core::Section::Growing: return tr("Add a way they're growing");
    case core::Section::MirrorTraits: return tr("Add a mirror trait");
    }
    return {};
}

QString newLabel(core::Section section)
{
    switch (section) {
    case core::Section::Strengths: return tr("New strength");
    case core::Section::Interests: return tr("New interest");
    case core::Section::Skills: return tr("New skill");
    case core::Section::HowTheyThink: return tr("New way they think");
    case core::Section::Growing: return tr("New way they're growing");
    case core::Section::MirrorTraits: return tr("New mirror trait");
    }
    return {};
}

QString emptyPrompt(core::Section section, const QString& childName)
{
    switch (section) {
    case core::Section::Strengths:
        return tr("What is %1 good at? Kindness, patience, a sense of humour, never giving up…").arg(childName);
    case core::Section::Interests:
        return tr("What lights %1 up? Dinosaurs, drawing, a favourite song, how things work…").arg(childName);
    case core::Section::Skills: return tr("What can %1 do, or is learning to do?").arg(childName);
    case core::Section::HowTheyThink:
        return tr("How does %1 take things in and explain them? Pictures, stories, moving, asking why…")
            .arg(childName);
    case core::Section::Growing:
        return tr("Trying a new food, waiting for a turn, saying sorry first: small steps count.");
    case core::Section::MirrorTraits:
        return tr("Can't sit still for homework, yet spends all afternoon on a detailed Lego build? Note the "
                  "struggle and where the same trait shines.");
    }
    return {};
}

QColor sectionColor(core::Section section)
{
    switch (section) {
    case core::Section::Strengths: return QColor(0xd9, 0x9a, 0x4e);    // warm amber
    case core::Section::Interests: return QColor(0x4f, 0x9a, 0x94);    // teal
    case core::Section::Skills: return QColor(0x6a, 0x8c, 0xaf);       // calm blue
    case core::Section::HowTheyThink: return QColor(0x9b, 0x83, 0xbd); // lavender
    case core::Section::Growing: return QColor(0x6f, 0xa3, 0x6a);      // leaf green
    case core::Section::MirrorTraits: return QColor(0xc7, 0x7d, 0x8e); // rose
    }
    return QColor(0x8a, 0x8f, 0x98);
}

QString struggleHeading()
{
    return tr("When it's hard");
}

QString shineHeading()
{
    return tr("Where it shines");
}

QString useLabel(const Workspace& workspace, core::Use use)
{
    const auto* info = useInfo(workspace, use);
    return info ? toQString(info->label) : toQString(core::toString(use));
}

QString useHint(const Workspace& workspace, core::Use use)
{
    const auto* info = useInfo(workspace, use);
    return info ? toQString(info->hint) : QString();
}

QString friendlyDay(const std::string& day, const std::string& today)
{
    const auto date = core::parseDate(day);
    const auto now = core::parseDate(today);
    if (!date)
        return toQString(day);
    if (now) {
        const long diff = core::daysFromCivil(*now) - core::daysFromCivil(*date);
        if (diff == 0)
            return tr("today");
        if (diff == 1)
            return tr("yesterday");
    }
    const QDate qdate(date->year, date->month, date->day);
    const bool isThisYear = now && now->year == date->year;
    return QLocale().toString(qdate, isThisYear ? QStringLiteral("d MMM") : QStringLiteral("d MMM yyyy"));
}

QString snippetToHtml(const std::string& snippet)
{
    QString html;
    std::size_t start = 0;
    bool isBold = false;
    // Markers are single ASCII bytes, so splitting the UTF-8 text at them never cuts a character.
    for (std::size_t i = 0; i <= snippet.size(); ++i) {
        if (i < snippet.size() && snippet[i] != core::kMatchStart && snippet[i] != core::kMatchEnd)
            continue;
        html += toQString(snippet.substr(start, i - start)).toHtmlEscaped();
        if (i < snippet.size()) {
            const bool opens = snippet[i] == core::kMatchStart;
            if (opens != isBold)
                html += opens ? QStringLiteral("<b>") : QStringLiteral("</b>");
            isBold = opens;
        }
        start = i + 1;
    }
    if (isBold)
        html += QStringLiteral("</b>");
    return html;
}

QString snippetToPlain(const std::string& snippet)
{
    std::string plain;
    plain.reserve(snippet.size());
    for (const char c : snippet) {
        if (c != core::kMatchStart && c != core::kMatchEnd)
            plain += c;
    }
    return toQString(plain);
}

QString firstSentence(const QString& text, int maxChars)
{
    QString clean = text.simplified();
    for (qsizetype i = 0; i < clean.size(); ++i) {
        const QChar c = clean.at(i);
        if ((c == QLatin1Char('.') || c == QLatin1Char('!') || c == QLatin1Char('?'))
            && (i + 1 == clean.size() || clean.at(i + 1).isSpace())) {
            clean.truncate(i + 1);
            break;
        }
    }
    if (clean.size() > maxChars) {
        int cut = maxChars - 1;
        if (clean.at(cut - 1).isHighSurrogate()) // never split an emoji
            --cut;
        clean.truncate(cut);
        const qsizetype space = clean.lastIndexOf(QLatin1Char(' '));
        if (space > maxChars / 2)
            clean.truncate(space);
        clean = clean.trimmed() + QStringLiteral("…");
    }
    return clean;
}

} // namespace attune::gui::notebook
