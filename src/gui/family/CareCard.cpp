// SPDX-License-Identifier: MIT
#include "family/CareCard.h"

#include "common/Avatar.h"
#include "common/PrintedPage.h"
#include "common/QtConvert.h"
#include "common/Widgets.h"
#include "common/Workspace.h"
#include "notebook/NotebookFormat.h"

#include "attune/core/Dates.h"
#include "attune/core/Family.h"
#include "attune/core/Notebook.h"
#include "attune/core/Validation.h"

#include <QCoreApplication>
#include <QDate>
#include <QImage>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPrinter>
#include <QTextDocument>


#include <algorithm>
#include <iterator>
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
    return QCoreApplication::translate("CareCard", text);
}

constexpr qreal kMargin = 54.0;     // points
constexpr qreal kLargestScale = 1.2; // a short card reads better a little larger
constexpr int kTopStrengths = 3;

const QColor kEmergencyFill(0xf6, 0xf1, 0xe7);

QColor accentFor(CareSection section)
{
    switch (section) {
    case CareSection::Helps: return {0x3f, 0x7d, 0x64};
    case CareSection::Avoid: return {0x9a, 0x63, 0x32};
    case CareSection::Signs: return {0x3b, 0x6f, 0x8a};
    case CareSection::Words: return {0x6b, 0x5b, 0x95};
    case CareSection::Shines: return {0xa8, 0x7a, 0x22};
    }
    return kText;
}

// Lays out (and, given a painter, draws) everything above the footer from `area`'s top, at type
// scale `s`. Returns the height used, in page units.
qreal layOut(QPainter* painter, const CareCard& card, const QRectF& area, qreal s)
{
    const auto pt = [s](qreal points) { return points * s * kUnit; };
    const qreal head = std::max(s, 0.8); // the child's name shrinks least
    qreal y = area.top();

    // The child: avatar, name, a line about the card.
    const qreal avatar = 54 * kUnit * head;
    const QFont nameFont = page::font(true, 27 * head);
    const QFont subtitleFont = page::font(false, 10.5 * head);
    const QFontMetricsF nameMetrics(nameFont);
    const QFontMetricsF subtitleMetrics(subtitleFont);
    const qreal textLeft = area.left() + avatar + 18 * kUnit;
    const qreal textHeight = nameMetrics.height() + 2 * kUnit + subtitleMetrics.height();
    const qreal headerHeight = std::max(avatar, textHeight);
    if (painter) {
        const QPixmap picture = avatarPixmap(card.childName, card.avatarColor, card.photo, 256);
        painter->setRenderHint(QPainter::SmoothPixmapTransform);
        painter->drawPixmap(QRectF(area.left(), y + (headerHeight - avatar) / 2, avatar, avatar), picture,
                            QRectF(picture.rect()));
        const qreal textTop = y + (headerHeight - textHeight) / 2;
        painter->setPen(kText);
        painter->setFont(nameFont);
        painter->drawText(QRectF(textLeft, textTop, area.right() - textLeft, nameMetrics.height()),
                          Qt::AlignLeft | Qt::AlignVCenter, card.childName);
        painter->setPen(kMuted);
        painter->setFont(subtitleFont);
        painter->drawText(QRectF(textLeft, textTop + nameMetrics.height() + 2 * kUnit, area.right() - textLeft,
                                 subtitleMetrics.height()),
                          Qt::AlignLeft | Qt::AlignVCenter, card.subtitle);
    }
    y += headerHeight + pt(14);
    if (painter) {
        painter->setPen(QPen(kRule, 1.2 * kUnit));
        painter->drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
    }
    y += pt(16);

    const QFont bodyFont = page::font(false, 11.5 * s);

    // "In an emergency, call …", in a soft box the reader's eye finds first.
    if (!card.emergency.isEmpty()) {
        const qreal pad = pt(10);
        const QString html = QStringLiteral("%1 <span style=\"font-weight:700\">%2</span>")
                                 .arg(tr("In an emergency, call").toHtmlEscaped(), card.emergency.toHtmlEscaped());
        auto doc = paragraph(html, bodyFont, area.width() - 2 * pad);
        const qreal height = doc->size().height() + 2 * pad;
        if (painter) {
            QPainterPath box;
            box.addRoundedRect(QRectF(area.left(), y, area.width(), height), pt(6), pt(6));
            painter->setPen(Qt::NoPen);
            painter->fillPath(box, kEmergencyFill);
            drawDoc(painter, *doc, QPointF(area.left() + pad, y + pad));
        }
        y += height + pt(18);
    }

    const QFont headingFont = page::font(true, 16.5 * s);
    const qreal indent = pt(15);
    for (const auto& section : card.sections) {
        const QColor accent = accentFor(section.kind);
        auto heading = paragraph(QStringLiteral("<span style=\"color:%1\">%2</span>")
                                     .arg(accent.name(), section.heading.toHtmlEscaped()),
                                 headingFont, area.width());
        if (painter)
            drawDoc(painter, *heading, QPointF(area.left(), y));
        y += heading->size().height() + pt(7);
        for (const auto& line : section.lines) {
            QString html;
            if (!line.context.isEmpty())
                html += QStringLiteral("<span style=\"color:%1\">%2: </span>")
                            .arg(kMuted.name(), line.context.toHtmlEscaped());
            html += QStringLiteral("<span style=\"font-weight:600\">%1</span>").arg(line.text.toHtmlEscaped());
            if (!line.detail.isEmpty())
                html += QStringLiteral("<span style=\"color:%1\"> — %2</span>")
                            .arg(kMuted.name(), line.detail.toHtmlEscaped());
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
        y += pt(16);
    }
    return y - area.top();
}

QString quoted(const QString& words)
{
    return tr("“%1”").arg(words);
}

QString docName(const CareCard& card)
{
    return tr("%1 — care card").arg(card.childName);
}

} // namespace

QString careSectionHeading(CareSection section, const QString& childName)
{
    switch (section) {
    case CareSection::Helps: return tr("What helps %1 feel safe").arg(childName);
    case CareSection::Avoid: return tr("Please avoid");
    case CareSection::Signs: return tr("Early signs %1 is struggling").arg(childName);
    case CareSection::Words: return tr("Words that help");
    case CareSection::Shines: return tr("%1 shines at").arg(childName);
    }
    return {};
}

std::vector<CareLine> loadCareLines(Workspace& workspace, qint64 childId)
{
    std::vector<CareLine> bySection[std::size(kAllCareSections)];
    const auto& categories = workspace.content().coregCategories;
    for (const auto& item : workspace.family().coregItems(childId)) {
        const bool isSign = item.category == "warning_signs";
        // A sign is a sign whatever its rating; everything else is on the card only when it
        // helps or is best avoided.
        if (item.rating == core::CoregRating::Neutral && !isSign)
            continue;
        const bool isWords = item.category == "words_that_help";
        // "Too much" and "what not to do" are things to avoid by their nature.
        const bool isAvoid = item.rating == core::CoregRating::Avoid || item.category == "overloads"
                             || item.category == "not_to_do";
        CareLine line;
        line.id = item.meta.id;
        line.section = isSign ? CareSection::Signs
                       : isAvoid ? CareSection::Avoid
                       : isWords ? CareSection::Words
                                 : CareSection::Helps;
        line.text = isWords ? quoted(toQString(item.label)) : toQString(item.label);
        if (line.section == CareSection::Helps) {
            // "Touch: Firm hug" reads better for someone who does not know the child.
            const auto category = std::find_if(categories.begin(), categories.end(),
                                               [&](const core::CoregCategory& c) { return c.key == item.category; });
            if (category != categories.end())
                line.context = toQString(category->title);
        }
        line.detail = notebook::firstSentence(toQString(item.note));
        line.isChosen = true;
        bySection[static_cast<std::size_t>(line.section)].push_back(line);
    }

    // Strengths, pinned first (the notebook's own order); the first few are chosen.
    int chosen = 0;
    const core::NotebookSection strengths = workspace.notebook().page(childId).section(core::Section::Strengths);
    for (const auto& entry : strengths.entries) {
        CareLine line;
        line.section = CareSection::Shines;
        line.isStrength = true;
        line.id = entry.id;
        line.text = toQString(entry.title);
        line.detail = notebook::firstSentence(toQString(entry.detailsPreview));
        line.isChosen = chosen < kTopStrengths;
        ++chosen;
        bySection[static_cast<std::size_t>(CareSection::Shines)].push_back(line);
    }

    std::vector<CareLine> all;
    for (const auto& part : bySection)
        all.insert(all.end(), part.begin(), part.end());
    return all;
}

QString checkEmergencyLine(const QString& emergency)
{
    const auto problems = core::validateCareCardEmergency(toStd(emergency));
    return problems.empty() ? QString() : toQString(problems.front().message);
}

CareCard buildCareCard(Workspace& workspace, qint64 childId, const std::vector<CareLine>& lines,
                       const QString& emergency)
{
    CareCard card;
    const core::Child child = workspace.family().child(childId);
    card.childName = toQString(child.data.name);
    card.avatarColor = toQString(child.data.avatarColor);
    card.photo = toBytes(child.data.photo);
    card.emergency = toQString(core::trimmed(toStd(emergency)));

    const std::string today = workspace.clock().today();
    QStringList subtitle{tr("A care card for the people who look after %1").arg(card.childName)};
    if (const auto age = core::ageInYears(child.data.birthDate, today); age && *age > 0)
        subtitle << countText(*age, tr("year old"), tr("years old"));
    QString longDate = toQString(today);
    if (const auto date = core::parseDate(today))
        longDate = QLocale().toString(QDate(date->year, date->month, date->day), QStringLiteral("d MMMM yyyy"));
    card.subtitle = subtitle.join(QStringLiteral("  ·  "));
    card.footer = tr("Made by %1's family on %2  ·  Thank you for caring for %1").arg(card.childName, longDate);

    for (const auto kind : kAllCareSections) {
        CareCardSection section;
        section.kind = kind;
        section.heading = careSectionHeading(kind, card.childName);
        for (const auto& line : lines) {
            if (line.section == kind && line.isChosen)
                section.lines.push_back(line);
        }
        if (!section.lines.empty())
            card.sections.push_back(std::move(section));
    }
    return card;
}

namespace {
page::Page asPage(const CareCard& card)
{
    page::Page sheet;
    sheet.marginPoints = kMargin;
    sheet.largestScale = kLargestScale;
    sheet.layOut = [&card](QPainter* painter, const QRectF& area, qreal s) { return layOut(painter, card, area, s); };
    sheet.footer = card.footer;
    sheet.emptyText = tr("Choose what goes on this card.");
    sheet.isEmpty = card.isEmpty();
    return sheet;
}
} // namespace

qreal paintCareCard(QPainter& painter, const QSizeF& pagePoints, const CareCard& card)
{
    return page::paint(painter, pagePoints, asPage(card));
}

QImage renderCareCard(const CareCard& card, QPageSize::PageSizeId paper, int dotsPerInch, qreal* scale)
{
    return page::render(asPage(card), paper, dotsPerInch, scale);
}

bool writeCareCardPdf(const CareCard& card, QPageSize::PageSizeId paper, const QString& path)
{
    return page::writePdf(asPage(card), paper, docName(card), path);
}

bool printCareCard(const CareCard& card, QPrinter& printer)
{
    return page::print(asPage(card), docName(card), printer);
}

} // namespace attune::gui
