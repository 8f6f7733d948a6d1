// SPDX-License-Identifier: MIT
#include "notebook/OnePageProfile.h"

#include "common/Avatar.h"
#include "common/PrintedPage.h"
#include "common/QtConvert.h"
#include "common/Widgets.h"
#include "common/Workspace.h"
#include "notebook/NotebookFormat.h"

#include "attune/core/Dates.h"
#include "attune/core/Family.h"
#include "attune/core/Notebook.h"

#include <QCoreApplication>
#include <QDate>
#include <QImage>
#include <QLocale>
#include <QPainter>
#include <QPrinter>
#include <QTextDocument>

#include <algorithm>
#include <memory>

namespace attune::gui {

namespace {

using page::drawDoc;
using page::kMuted;
using page::kRule;
using page::kText;
using page::kUnit;
using page::paragraph;

QString tr(const char* text)
{
    return QCoreApplication::translate("OnePageProfile", text);
}

constexpr qreal kMargin = 56.0;     // points
constexpr int kFirstFew = 3; // chosen to begin with when nothing in a section is pinned


QColor accentFor(ProfileChoice::Heading heading)
{
    switch (heading) {
    case ProfileChoice::Heading::Admire: return {0xa8, 0x69, 0x2c};
    case ProfileChoice::Heading::Matters: return {0x3b, 0x7d, 0x78};
    case ProfileChoice::Heading::Support: return {0x4a, 0x7a, 0x5c};
    }
    return kText;
}

// Lays out (and, given a painter, draws) everything above the footer from `area`'s top, at type
// scale `s`. Returns the height used, in page units.
qreal layOut(QPainter* painter, const OnePageProfile& profile, const QRectF& area, qreal s)
{
    const auto pt = [s](qreal points) { return points * s * kUnit; };
    qreal y = area.top();

    // The child: avatar, name, a line about the page.
    const qreal avatar = 58 * kUnit * std::max(s, 0.8);
    const QFont nameFont = page::font(true, 28 * std::max(s, 0.8));
    const QFont subtitleFont = page::font(false, 10.5 * std::max(s, 0.8));
    const QFontMetricsF nameMetrics(nameFont);
    const QFontMetricsF subtitleMetrics(subtitleFont);
    const qreal textLeft = area.left() + avatar + 18 * kUnit;
    const qreal textHeight = nameMetrics.height() + 2 * kUnit + subtitleMetrics.height();
    const qreal headerHeight = std::max(avatar, textHeight);
    if (painter) {
        const QPixmap picture = avatarPixmap(profile.childName, profile.avatarColor, profile.photo, 256);
        painter->setRenderHint(QPainter::SmoothPixmapTransform);
        painter->drawPixmap(QRectF(area.left(), y + (headerHeight - avatar) / 2, avatar, avatar), picture,
                            QRectF(picture.rect()));
        const qreal textTop = y + (headerHeight - textHeight) / 2;
        painter->setPen(kText);
        painter->setFont(nameFont);
        painter->drawText(QRectF(textLeft, textTop, area.right() - textLeft, nameMetrics.height()),
                          Qt::AlignLeft | Qt::AlignVCenter, profile.childName);
        painter->setPen(kMuted);
        painter->setFont(subtitleFont);
        painter->drawText(QRectF(textLeft, textTop + nameMetrics.height() + 2 * kUnit, area.right() - textLeft,
                                 subtitleMetrics.height()),
                          Qt::AlignLeft | Qt::AlignVCenter, profile.subtitle);
    }
    y += headerHeight + pt(16);
    if (painter) {
        painter->setPen(QPen(kRule, 1.2 * kUnit));
        painter->drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
    }
    y += pt(22);

    const QFont headingFont = page::font(true, 17 * s);
    const QFont captionFont = page::font(false, 8.5 * s, QFont::DemiBold);
    const QFont bodyFont = page::font(false, 11 * s);
    const qreal indent = pt(15);
    for (const auto& section : profile.sections) {
        const QColor accent = accentFor(section.kind);
        const QFontMetricsF headingMetrics(headingFont);
        if (painter) {
            painter->setPen(accent);
            painter->setFont(headingFont);
            painter->drawText(QRectF(area.left(), y, area.width(), headingMetrics.height()),
                              Qt::AlignLeft | Qt::AlignVCenter, section.heading);
        }
        y += headingMetrics.height() + pt(7);
        for (const auto& group : section.groups) {
            if (!group.caption.isEmpty()) {
                QFont caption = captionFont;
                caption.setLetterSpacing(QFont::AbsoluteSpacing, pt(0.8));
                const QFontMetricsF captionMetrics(caption);
                if (painter) {
                    painter->setPen(kMuted);
                    painter->setFont(caption);
                    painter->drawText(QRectF(area.left(), y, area.width(), captionMetrics.height()),
                                      Qt::AlignLeft | Qt::AlignVCenter, group.caption.toUpper());
                }
                y += captionMetrics.height() + pt(4);
            }
            for (const auto& item : group.items) {
                QString html;
                if (!item.context.isEmpty())
                    html += QStringLiteral("<span style=\"color:%1\">%2: </span>")
                                .arg(kMuted.name(), item.context.toHtmlEscaped());
                html += QStringLiteral("<span style=\"font-weight:600\">%1</span>").arg(item.title.toHtmlEscaped());
                if (!item.detail.isEmpty())
                    html += QStringLiteral("<span style=\"color:%1\"> — %2</span>")
                                .arg(kMuted.name(), item.detail.toHtmlEscaped());
                auto doc = paragraph(html, bodyFont, area.width() - indent);
                if (painter) {
                    const qreal firstLine = QFontMetricsF(bodyFont).height();
                    painter->setPen(Qt::NoPen);
                    painter->setBrush(accent);
                    const qreal radius = pt(2.3);
                    painter->drawEllipse(QPointF(area.left() + pt(4), y + firstLine / 2 + pt(0.5)), radius, radius);
                    drawDoc(painter, *doc, QPointF(area.left() + indent, y));
                }
                y += doc->size().height() + pt(5);
            }
            y += pt(6);
        }
        y += pt(12);
    }
    return y - area.top();
}

std::vector<ProfileChoice> chooseFirstFew(std::vector<ProfileChoice> choices, const QString& group)
{
    const bool anyChosen = std::any_of(choices.begin(), choices.end(), [&](const ProfileChoice& choice) {
        return choice.group == group && choice.isChosen;
    });
    if (anyChosen)
        return choices;
    int chosen = 0;
    for (auto& choice : choices) {
        if (choice.group == group && chosen < kFirstFew) {
            choice.isChosen = true;
            ++chosen;
        }
    }
    return choices;
}

} // namespace

QString profileHeading(ProfileChoice::Heading heading)
{
    switch (heading) {
    case ProfileChoice::Heading::Admire: return tr("What we admire about you");
    case ProfileChoice::Heading::Matters: return tr("What matters to you");
    case ProfileChoice::Heading::Support: return tr("How best to support you");
    }
    return {};
}

std::vector<ProfileChoice> loadProfileChoices(Workspace& workspace, qint64 childId)
{
    std::vector<ProfileChoice> admire;
    std::vector<ProfileChoice> matters;
    const core::NotebookPage page = workspace.notebook().page(childId);
    for (const auto& section : page.sections) {
        const bool isInterest = section.section == core::Section::Interests;
        for (const auto& entry : section.entries) {
            ProfileChoice choice;
            choice.kind = ProfileChoice::Kind::Entry;
            choice.id = entry.id;
            choice.heading = isInterest ? ProfileChoice::Heading::Matters : ProfileChoice::Heading::Admire;
            choice.group = notebook::sectionTitle(section.section);
            // A mirror trait goes on the page by its bright side.
            choice.title = toQString(section.section == core::Section::MirrorTraits ? entry.shine : entry.title);
            choice.detail = notebook::firstSentence(toQString(entry.detailsPreview));
            choice.isChosen = entry.isPinned
                              && (section.section == core::Section::Strengths || isInterest);
            (isInterest ? matters : admire).push_back(choice);
        }
    }
    admire = chooseFirstFew(std::move(admire), notebook::sectionTitle(core::Section::Strengths));
    matters = chooseFirstFew(std::move(matters), notebook::sectionTitle(core::Section::Interests));

    // Support, grouped for a reader who does not know the child. Words, early signs and "what not
    // to do" are written as they are; other items carry their part of the profile ("Touch").
    enum Group { Helps, Words, Harder, Signs, GroupCount };
    const QString captions[GroupCount] = {tr("What helps"), tr("Words that help"), tr("What makes it harder"),
                                          tr("Early signs they're struggling")};
    std::vector<ProfileChoice> support[GroupCount];
    const auto& categories = workspace.content().coregCategories;
    for (const auto& item : workspace.family().coregItems(childId)) {
        if (item.rating == core::CoregRating::Neutral)
            continue;
        const bool isAvoid = item.rating == core::CoregRating::Avoid;
        Group group = isAvoid ? Harder : Helps;
        if (item.category == "words_that_help")
            group = isAvoid ? Harder : Words;
        else if (item.category == "warning_signs")
            group = Signs;
        else if (item.category == "not_to_do" || item.category == "overloads")
            group = Harder;
        ProfileChoice choice;
        choice.kind = ProfileChoice::Kind::Coreg;
        choice.id = item.meta.id;
        choice.heading = ProfileChoice::Heading::Support;
        choice.group = captions[group];
        choice.title = group == Words ? tr("“%1”").arg(toQString(item.label)) : toQString(item.label);
        if (item.category != "not_to_do" && group != Words && group != Signs) {
            const auto category = std::find_if(categories.begin(), categories.end(),
                                               [&](const core::CoregCategory& c) { return c.key == item.category; });
            if (category != categories.end())
                choice.context = toQString(category->title);
        }
        choice.detail = notebook::firstSentence(toQString(item.note));
        choice.isChosen = true;
        support[group].push_back(choice);
    }

    std::vector<ProfileChoice> all;
    for (auto* part : {&admire, &matters, &support[Helps], &support[Words], &support[Harder], &support[Signs]})
        all.insert(all.end(), part->begin(), part->end());
    return all;
}
OnePageProfile buildOnePageProfile(Workspace& workspace, qint64 childId, const std::vector<ProfileChoice>& choices)
{
    OnePageProfile profile;
    const core::Child child = workspace.family().child(childId);
    profile.childName = toQString(child.data.name);
    profile.avatarColor = toQString(child.data.avatarColor);
    profile.photo = toBytes(child.data.photo);

    const std::string today = workspace.clock().today();
    QStringList subtitle{tr("A one-page profile")};
    if (const auto age = core::ageInYears(child.data.birthDate, today); age && *age > 0)
        subtitle << countText(*age, tr("year old"), tr("years old"));
    QString longDate = toQString(today);
    if (const auto date = core::parseDate(today)) {
        const QDate qdate(date->year, date->month, date->day);
        subtitle << QLocale().toString(qdate, QStringLiteral("MMMM yyyy"));
        longDate = QLocale().toString(qdate, QStringLiteral("d MMMM yyyy"));
    }
    profile.subtitle = subtitle.join(QStringLiteral("  ·  "));
    profile.footer = tr("Written by the people who know %1 best  ·  %2").arg(profile.childName, longDate);

    for (const auto heading : {ProfileChoice::Heading::Admire, ProfileChoice::Heading::Matters,
                               ProfileChoice::Heading::Support}) {
        ProfileSection section;
        section.kind = heading;
        section.heading = profileHeading(heading);
        for (const auto& choice : choices) {
            if (choice.heading != heading || !choice.isChosen)
                continue;
            // Only support is split (what helps, what to avoid); the others read as one list.
            const QString caption = heading == ProfileChoice::Heading::Support ? choice.group : QString();
            if (section.groups.empty() || section.groups.back().caption != caption)
                section.groups.push_back({caption, {}});
            section.groups.back().items.push_back({choice.context, choice.title, choice.detail});
        }
        if (!section.groups.empty())
            profile.sections.push_back(std::move(section));
    }
    return profile;
}

QPageSize::PageSizeId defaultPaperSize()
{
    return QLocale().measurementSystem() == QLocale::ImperialUSSystem ? QPageSize::Letter : QPageSize::A4;
}

namespace {
page::Page asPage(const OnePageProfile& profile)
{
    page::Page sheet;
    sheet.marginPoints = kMargin;
    sheet.layOut = [&profile](QPainter* painter, const QRectF& area, qreal s) { return layOut(painter, profile, area, s); };
    sheet.footer = profile.footer;
    sheet.emptyText = tr("Choose what goes on this page.");
    sheet.isEmpty = profile.isEmpty();
    return sheet;
}

QString docName(const OnePageProfile& profile)
{
    return tr("%1 — a one-page profile").arg(profile.childName);
}
} // namespace

qreal paintOnePageProfile(QPainter& painter, const QSizeF& pagePoints, const OnePageProfile& profile)
{
    return page::paint(painter, pagePoints, asPage(profile));
}

QImage renderOnePageProfile(const OnePageProfile& profile, QPageSize::PageSizeId paper, int dotsPerInch, qreal* scale)
{
    return page::render(asPage(profile), paper, dotsPerInch, scale);
}

bool writeOnePageProfilePdf(const OnePageProfile& profile, QPageSize::PageSizeId paper, const QString& path)
{
    return page::writePdf(asPage(profile), paper, docName(profile), path);
}

bool printOnePageProfile(const OnePageProfile& profile, QPrinter& printer)
{
    return page::print(asPage(profile), docName(profile), printer);
}

} // namespace attune::gui
