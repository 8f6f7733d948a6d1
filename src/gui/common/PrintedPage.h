// SPDX-License-Identifier: MIT
// One calm printed page (the one-page profile, the care card): the type, the shrink-to-fit
// layout with a footer, and the same drawing for the PNG preview, the PDF and the printer.
// A page supplies only its layOut(): everything above the footer, from the top of `area`, at
// type scale `s`; with a null painter it only measures. The page is laid out in kUnit units
// per typographic point, because fonts take whole pixel sizes.
#pragma once

#include <QColor>
#include <QFont>
#include <QPageSize>
#include <QString>

#include <functional>
#include <memory>

class QImage;
class QPainter;
class QPointF;
class QPrinter;
class QRectF;
class QSizeF;
class QTextDocument;

namespace attune::gui::page {

inline constexpr qreal kUnit = 4.0;
inline constexpr qreal kSmallestScale = 0.55;
inline const QColor kText{0x2b, 0x34, 0x32};
inline const QColor kMuted{0x6b, 0x77, 0x73};
inline const QColor kRule{0xe6, 0xdc, 0xcb};

// A serif (headings) or sans (text) face at `points`, in page units.
QFont font(bool isSerif, qreal points, QFont::Weight weight = QFont::Normal);
// Rich text laid out `width` wide, with design metrics so lines break alike on screen and paper.
std::unique_ptr<QTextDocument> paragraph(const QString& html, const QFont& font, qreal width);
void drawDoc(QPainter* painter, QTextDocument& doc, const QPointF& at);

using LayOut = std::function<qreal(QPainter* painter, const QRectF& area, qreal s)>;

struct Page {
    qreal marginPoints = 56;
    qreal largestScale = 1.0; // more than 1: a short page reads better a little larger
    LayOut layOut;
    QString footer;
    QString emptyText; // drawn under the heading when there is nothing else
    bool isEmpty = false;
};

// Draws `page` on `painter`, whose unit is one typographic point, over `pagePoints`; the type
// shrinks (down to kSmallestScale) until everything fits. Returns the type scale used.
qreal paint(QPainter& painter, const QSizeF& pagePoints, const Page& page);
// The page as a picture at `dotsPerInch`; `scale`, when given, receives the type scale used.
QImage render(const Page& page, QPageSize::PageSizeId paper, int dotsPerInch, qreal* scale = nullptr);
// A one-page PDF written the safe way (core::writeFileSafely: temporary file, fsync, rename),
// so a failed write never leaves half a file where the parent looks. False when it failed.
bool writePdf(const Page& page, QPageSize::PageSizeId paper, const QString& title, const QString& path);
bool print(const Page& page, const QString& title, QPrinter& printer);

} // namespace attune::gui::page
