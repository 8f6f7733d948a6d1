// SPDX-License-Identifier: MIT
// A child's care card: one calm page for a grandparent, a sitter or a teacher with what helps
// the child feel safe, what to avoid, the early signs they are struggling, words that help and
// what they shine at. A curated view, not a dump: the parent chooses every line. This file
// turns those choices into one page, drawn the same way for the PDF, the printer and the PNG
// preview. When much is chosen the type gets smaller, never a second page.
#pragma once

#include <QByteArray>
#include <QPageSize>
#include <QString>

#include <vector>

class QImage;
class QPainter;
class QPrinter;
class QSizeF;

namespace attune::gui {

class Workspace;

// The sections of the card, in the order they are printed.
enum class CareSection { Helps, Avoid, Signs, Words, Shines };
inline constexpr CareSection kAllCareSections[] = {CareSection::Helps, CareSection::Avoid, CareSection::Signs,
                                                   CareSection::Words, CareSection::Shines};

// One line the parent may put on the card, and whether it is on it.
struct CareLine {
    CareSection section = CareSection::Helps;
    bool isStrength = false; // a notebook strength; otherwise a co-regulation item
    qint64 id = 0;
    QString context; // a few words before the text ("Touch"), or empty
    QString text;
    QString detail;  // the parent's note, first sentence; may be empty
    bool isChosen = false;
};

struct CareCardSection {
    CareSection kind = CareSection::Helps;
    QString heading;
    std::vector<CareLine> lines;
};
struct CareCard {
    QString childName;
    QString avatarColor;
    QByteArray photo;
    QString subtitle;
    QString emergency; // shown in a box near the top when not empty
    std::vector<CareCardSection> sections; // only those with something chosen
    QString footer;
    bool isEmpty() const { return sections.empty() && emergency.isEmpty(); }
};

// Everything the child's profile and notebook offer for the card, in card order: co-regulation
// items rated "helps" or "avoid", every early warning sign and every strength. What helps,
// what to avoid, the signs, the words and the first three strengths (pinned first) are chosen
// to begin with.
std::vector<CareLine> loadCareLines(Workspace& workspace, qint64 childId);

// "What helps Maya feel safe", "Please avoid", …
QString careSectionHeading(CareSection section, const QString& childName);

// The card for the chosen lines; `emergency` is trimmed.
CareCard buildCareCard(Workspace& workspace, qint64 childId, const std::vector<CareLine>& lines,
                       const QString& emergency);
// Empty when `emergency` is fine, else a plain message for under the field.
QString checkEmergencyLine(const QString& emergency);

// Draws the card on `painter`, whose unit is one typographic point, over a page of
// `pagePoints`. Returns the type scale used: 1 as designed, less when it had to shrink to fit.
qreal paintCareCard(QPainter& painter, const QSizeF& pagePoints, const CareCard& card);
// The card as a picture at `dotsPerInch` (the preview and screenshots).
QImage renderCareCard(const CareCard& card, QPageSize::PageSizeId paper, int dotsPerInch, qreal* scale = nullptr);
// Writes a one-page PDF next to `path` and renames it into place, so a failed write never
// leaves half a file where the parent looks. False when it cannot be written.
bool writeCareCardPdf(const CareCard& card, QPageSize::PageSizeId paper, const QString& path);
// Prints on a printer the parent chose.
bool printCareCard(const CareCard& card, QPrinter& printer);

} // namespace attune::gui
