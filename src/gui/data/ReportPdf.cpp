// SPDX-License-Identifier: MIT
#include "data/ReportPdf.h"

#include "common/QtConvert.h"

#include "attune/core/Errors.h"
#include "attune/core/Export.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QFileInfo>
#include <QFont>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QTextFrame>
#include <QTextTable>
#include <QTextDocument>


#include <memory>
#include <vector>

namespace attune::gui {

namespace {

constexpr int kDpi = 300;

void checkStop(const core::Progress& progress)
{
    if (progress.stop && progress.stop->load())
        throw core::WorkCancelled();
}

// The core escapes Markdown characters and writes line breaks inside table cells as <br>;
// Qt's Markdown reader keeps raw HTML as text, so the breaks become spaces here.
QString markdownForQt(const std::string& markdown)
{
    QString text = toQString(markdown);
    text.replace(QStringLiteral("<br>"), QStringLiteral(" "));
    // Qt's reader merges an empty table cell into its neighbour: give each one a no-break space.
    static const QRegularExpression emptyCell(QStringLiteral("\\|[ \\t]+(?=\\|)"));
    text.replace(emptyCell, QStringLiteral("| \u00A0 "));
    // A table a year: a ten-year table lays out several times slower than ten small ones, and
    // the header row comes back at the top of each year.
    static const QRegularExpression dayRow(QStringLiteral("^\\| (\\d{4})-\\d\\d-\\d\\d \\|"));
    QStringList lines = text.split(QLatin1Char('\n'));
    QStringList out;
    out.reserve(lines.size() + 64);
    QString header;
    QString separator;
    QString year;
    for (int i = 0; i < lines.size(); ++i) {
        const QString& line = lines.at(i);
        if (line.startsWith(QLatin1Char('|')) && i + 1 < lines.size() && lines.at(i + 1).startsWith(QStringLiteral("|---"))) {
            header = line;
            separator = lines.at(i + 1);
            year.clear();
        }
        const auto match = dayRow.match(line);
        if (match.hasMatch() && !header.isEmpty()) {
            if (!year.isEmpty() && match.captured(1) != year)
                out << QString() << header << separator;
            year = match.captured(1);
        } else if (!line.startsWith(QLatin1Char('|'))) {
            header.clear();
        }
        out << line;
    }
    return out.join(QLatin1Char('\n'));
}

// The report cut before each child's "## Name" heading (the title goes with the first child).
QStringList splitByChild(const QString& text)
{
    QStringList chunks;
    QString current;
    bool hasChild = false;
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        if (line.startsWith(QStringLiteral("## "))) {
            if (hasChild) {
                chunks << current;
                current.clear();
            }
            hasChild = true;
        }
        current += line;
        current += QLatin1Char('\n');
    }
    chunks << current;
    return chunks;
}

// Thin grey rules and some air in every table, the full width of the page.
void styleTables(QTextDocument& document)
{
    for (QTextFrame* frame : document.rootFrame()->childFrames()) {
        auto* table = qobject_cast<QTextTable*>(frame);
        if (!table)
            continue;
        QTextTableFormat format = table->format();
        format.setBorderCollapse(false); // collapsing doubles the layout time of a long report
        format.setBorder(1);
        format.setBorderBrush(QColor(0xbb, 0xbb, 0xbb));
        format.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
        format.setCellPadding(3);
        format.setCellSpacing(0);
        format.setWidth(QTextLength(QTextLength::PercentageLength, 100));
        format.setHeaderRowCount(1);
        table->setFormat(format);
    }
}

} // namespace

void writeReportPdf(core::Database& db, const core::ReportOptions& options, const QString& file,
                    const core::Progress& progress)
{
    // The text first (a ValidationError or a stop leaves no file at all).
    core::Progress textProgress;
    textProgress.stop = progress.stop;
    const std::string markdown = core::markdownReport(db, options, textProgress);
    checkStop(progress);

    // Laid out in memory, then written the safe way (core::writeFileSafely: temporary file,
    // fsync, rename), so nothing half-written ever has the final name.
    QByteArray bytes;
    QBuffer out(&bytes);
    out.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&out);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(18, 18, 18, 22), QPageLayout::Millimeter);
        writer.setResolution(kDpi);
        writer.setTitle(QObject::tr("Attune report"));
        writer.setCreator(QStringLiteral("Attune"));

        QFont font;
        font.setFamilies({QStringLiteral("Helvetica Neue"), QStringLiteral("Segoe UI"), QStringLiteral("Nimbus Sans"),
                          QStringLiteral("Arial"), QStringLiteral("DejaVu Sans")});
        font.setStyleHint(QFont::SansSerif);
        font.setPointSizeF(10.5);

        QPainter painter;
        if (!painter.begin(&writer))
            throw core::StorageError(core::StorageError::Kind::Io,
                                     toStd(QObject::tr("%1 could not be written.").arg(QFileInfo(file).fileName())));
        const QRectF page = writer.pageLayout().paintRectPixels(kDpi);
        const qreal footer = kDpi * 0.3; // room for the page number, in device pixels
        const QSizeF body(page.width(), page.height() - footer);

        // One document per child, each starting on a new page: laying out a whole ten-year,
        // four-child report is one uninterruptible step of many seconds, so this way Cancel is
        // heard after at most one child, and the progress bar moves while pages are laid out.
        const QStringList chunks = splitByChild(markdownForQt(markdown));
        const auto units = static_cast<std::size_t>(chunks.size()) * 2;
        std::vector<std::unique_ptr<QTextDocument>> documents;
        int pages = 0;
        for (const QString& chunk : chunks) {
            checkStop(progress);
            auto document = std::make_unique<QTextDocument>();
            document->setDefaultFont(font);
            document->setDocumentMargin(0);
            document->setMarkdown(chunk, QTextDocument::MarkdownDialectGitHub);
            styleTables(*document);
            // Laid out for the writer itself, so sizes are its device pixels (as QTextDocument::print).
            document->documentLayout()->setPaintDevice(&writer);
            document->setPageSize(body);
            pages += document->pageCount();
            documents.push_back(std::move(document));
            if (progress.report)
                progress.report(documents.size(), units);
        }

        QFont numberFont = font;
        numberFont.setPointSizeF(9);
        int pageNumber = 0;
        for (const auto& document : documents) {
            const int documentPages = document->pageCount();
            for (int index = 0; index < documentPages; ++index) {
                checkStop(progress);
                if (pageNumber > 0)
                    writer.newPage();
                ++pageNumber;
                painter.save();
                const QRectF clip(0, index * body.height(), body.width(), body.height());
                painter.translate(0, -clip.top());
                document->drawContents(&painter, clip);
                painter.restore();
                painter.setFont(numberFont);
                painter.setPen(QColor(0x66, 0x66, 0x66));
                painter.drawText(QRectF(0, body.height(), body.width(), footer), Qt::AlignHCenter | Qt::AlignBottom,
                                 QObject::tr("Page %1 of %2").arg(pageNumber).arg(pages));
                if (progress.report)
                    progress.report(chunks.size() + static_cast<std::size_t>(pageNumber) * chunks.size()
                                                        / static_cast<std::size_t>(pages),
                                    units);
            }
        }
        painter.end();
    }
    core::writeFileSafely(toStd(file), bytes.toStdString());
}

} // namespace attune::gui
