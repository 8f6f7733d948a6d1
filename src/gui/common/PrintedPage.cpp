// SPDX-License-Identifier: MIT
#include "common/PrintedPage.h"

#include "common/QtConvert.h"

#include "attune/core/Errors.h"
#include "attune/core/Export.h"

#include <QBuffer>
#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QPrinter>
#include <QTextDocument>

#include <algorithm>

#include <spdlog/spdlog.h>

namespace attune::gui::page {

namespace {
constexpr qreal kFooterZone = 30.0; // points kept free at the bottom for the footer
constexpr int kPdfDpi = 600;
} // namespace

QFont font(bool isSerif, qreal points, QFont::Weight weight)
{
    QFont font;
    font.setFamilies(isSerif ? QStringList{QStringLiteral("Georgia"), QStringLiteral("Palatino Linotype"),
                                           QStringLiteral("P052"), QStringLiteral("Palatino"),
                                           QStringLiteral("DejaVu Serif")}
                             : QStringList{QStringLiteral("Helvetica Neue"), QStringLiteral("Segoe UI"),
                                           QStringLiteral("Nimbus Sans"), QStringLiteral("Arial"),
                                           QStringLiteral("DejaVu Sans")});
    font.setStyleHint(isSerif ? QFont::Serif : QFont::SansSerif);
    font.setPixelSize(std::max(1, qRound(points * kUnit)));
    font.setWeight(weight);
    return font;
}

std::unique_ptr<QTextDocument> paragraph(const QString& html, const QFont& font, qreal width)
{
    auto doc = std::make_unique<QTextDocument>();
    doc->setUseDesignMetrics(true); // the same line breaks on screen, paper and PDF
    doc->setDocumentMargin(0);
    doc->setDefaultFont(font);
    doc->setDefaultStyleSheet(QStringLiteral("body { color: %1; }").arg(kText.name()));
    doc->setTextWidth(width);
    doc->setHtml(html);
    return doc;
}

void drawDoc(QPainter* painter, QTextDocument& doc, const QPointF& at)
{
    painter->save();
    painter->translate(at);
    doc.drawContents(painter);
    painter->restore();
}

qreal paint(QPainter& painter, const QSizeF& pagePoints, const Page& page)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.scale(1.0 / kUnit, 1.0 / kUnit);
    const QSizeF size = pagePoints * kUnit;
    const qreal margin = page.marginPoints * kUnit;
    const QRectF area(margin, margin * 0.85, size.width() - 2 * margin,
                      size.height() - margin * 0.85 - margin * 0.6 - kFooterZone * kUnit);

    // Shrink the type until everything fits on the one page.
    qreal scale = page.largestScale;
    while (scale > kSmallestScale && page.layOut(nullptr, area, scale) > area.height())
        scale *= 0.94;
    scale = std::max(scale, kSmallestScale);
    painter.save();
    painter.setClipRect(area.adjusted(-margin / 2, -margin / 2, margin / 2, 0));
    page.layOut(&painter, area, scale);
    if (page.isEmpty) {
        painter.setPen(kMuted);
        painter.setFont(font(false, 11));
        painter.drawText(QRectF(area.left(), area.top() + 110 * kUnit, area.width(), 40 * kUnit),
                         Qt::AlignLeft | Qt::TextWordWrap, page.emptyText);
    }
    painter.restore();

    const QFont footerFont = font(false, 8.5);
    painter.setFont(footerFont);
    painter.setPen(kMuted);
    const qreal footerTop = size.height() - margin * 0.6 - QFontMetricsF(footerFont).height();
    painter.drawText(QRectF(margin, footerTop, size.width() - 2 * margin, QFontMetricsF(footerFont).height()),
                     Qt::AlignHCenter | Qt::AlignVCenter, page.footer);
    painter.restore();
    return scale;
}

QImage render(const Page& page, QPageSize::PageSizeId paper, int dotsPerInch, qreal* scale)
{
    const QSizeF points = QPageSize(paper).size(QPageSize::Point);
    const qreal perPoint = dotsPerInch / 72.0;
    QImage image(QSize(qRound(points.width() * perPoint), qRound(points.height() * perPoint)), QImage::Format_RGB32);
    image.fill(Qt::white);
    const int dotsPerMeter = qRound(dotsPerInch / 0.0254);
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    QPainter painter(&image);
    painter.scale(perPoint, perPoint);
    const qreal used = paint(painter, points, page);
    painter.end();
    if (scale)
        *scale = used;
    return image;
}

bool writePdf(const Page& page, QPageSize::PageSizeId paper, const QString& title, const QString& path)
{
    QByteArray bytes;
    {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(paper));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Point);
        writer.setResolution(kPdfDpi);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("Attune"));
        QPainter painter;
        if (!painter.begin(&writer))
            return false;
        painter.scale(kPdfDpi / 72.0, kPdfDpi / 72.0);
        paint(painter, QPageSize(paper).size(QPageSize::Point), page);
        if (!painter.end())
            return false;
    }
    try {
        core::writeFileSafely(toStd(path), bytes.toStdString());
    } catch (const core::StorageError& error) {
        spdlog::warn("a one-page PDF was not written (kind {})", static_cast<int>(error.kind()));
        return false;
    }
    return true;
}

bool print(const Page& page, const QString& title, QPrinter& printer)
{
    printer.setDocName(title);
    printer.setFullPage(true); // the page keeps its own margins
    QPainter painter;
    if (!painter.begin(&printer))
        return false;
    const QSizeF points = printer.pageLayout().fullRect(QPageLayout::Point).size();
    const qreal perPoint = printer.resolution() / 72.0;
    painter.scale(perPoint, perPoint);
    paint(painter, points, page);
    return painter.end();
}

} // namespace attune::gui::page
