// SPDX-License-Identifier: MIT
// A child's one-page profile, for a teacher, a sitter or a grandparent: what we admire about
// you · what matters to you · how best to support you. The parent chooses what goes on it;
// this file turns those choices into one calm page, drawn the same way for the PDF, the
// printer and the PNG preview. If much is chosen the type gets smaller, never a second page.
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

// One thing the parent may put on the page, and whether it is on it.
struct ProfileChoice {
    enum class Kind { Entry, Coreg };
    enum class Heading { Admire, Matters, Support };
    Kind kind = Kind::Entry;
    qint64 id = 0;
    Heading heading = Heading::Admire;
    QString group;  // where it comes from: "Strengths", "What helps", "What makes it harder", …
    QString context; // a few words before the title ("Touch"), or empty
    QString title;
    QString detail; // a short line under the title; may be empty
    bool isChosen = false;
};

// Everything the child's notebook and co-regulation profile offer, in page order, with pinned
// strengths and interests (or, when none is pinned, the first few) and every co-regulation item
// rated "helps" or "avoid" chosen to begin with. Those items are grouped for a reader who does
// not know the child: what helps, words that help, what makes it harder, early signs.
std::vector<ProfileChoice> loadProfileChoices(Workspace& workspace, qint64 childId);

struct ProfileItem {
    QString context;
    QString title;
    QString detail;
};
struct ProfileGroup {
    QString caption; // empty: no caption above the items
    std::vector<ProfileItem> items;
};
struct ProfileSection {
    ProfileChoice::Heading kind = ProfileChoice::Heading::Admire;
    QString heading;
    std::vector<ProfileGroup> groups;
};
struct OnePageProfile {
    QString childName;
    QString avatarColor;
    QByteArray photo;
    QString subtitle;
    std::vector<ProfileSection> sections; // only those with something chosen
    QString footer;
    bool isEmpty() const { return sections.empty(); }
};

// The page for the chosen items of `choices`.
OnePageProfile buildOnePageProfile(Workspace& workspace, qint64 childId, const std::vector<ProfileChoice>& choices);

QString profileHeading(ProfileChoice::Heading heading);

// A4 where the system measures in metric, US Letter otherwise.
QPageSize::PageSizeId defaultPaperSize();

// Draws the page on `painter`, whose unit is one typographic point, over a page of `pagePoints`.
// Returns the type scale used: 1 as designed, less when the text had to shrink to fit.
qreal paintOnePageProfile(QPainter& painter, const QSizeF& pagePoints, const OnePageProfile& profile);
// The page as a picture at `dotsPerInch` (the preview and screenshots); `scale`, when given,
// receives the type scale used.
QImage renderOnePageProfile(const OnePageProfile& profile, QPageSize::PageSizeId paper, int dotsPerInch,
                            qreal* scale = nullptr);
// Writes a one-page PDF (QPrinter, PdfFormat). False when the file cannot be written.
bool writeOnePageProfilePdf(const OnePageProfile& profile, QPageSize::PageSizeId paper, const QString& path);
// Prints on a printer the parent chose.
bool printOnePageProfile(const OnePageProfile& profile, QPrinter& printer);

} // namespace attune::gui
