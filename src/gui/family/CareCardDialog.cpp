// SPDX-License-Identifier: MIT
#include "family/CareCardDialog.h"

#include "common/OutputPrompt.h"
#include "common/Prompts.h"
#include "common/QtConvert.h"
#include "common/Widgets.h"
#include "common/Workspace.h"
#include "notebook/OnePageProfile.h"

#include "attune/core/Errors.h"
#include "attune/core/Family.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace attune::gui {

namespace {
constexpr int kPreviewWidth = 400; // logical pixels
constexpr int kLineIndexRole = Qt::UserRole + 1;

QString sectionKey(CareSection section)
{
    switch (section) {
    case CareSection::Helps: return QStringLiteral("helps");
    case CareSection::Avoid: return QStringLiteral("avoid");
    case CareSection::Signs: return QStringLiteral("signs");
    case CareSection::Words: return QStringLiteral("words");
    case CareSection::Shines: return QStringLiteral("shines");
    }
    return {};
}
} // namespace

CareCardDialog::CareCardDialog(Workspace& workspace, qint64 childId, QWidget* parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_childId(childId)
    , m_lines(loadCareLines(workspace, childId))
    , m_emergency(new QLineEdit(this))
    , m_emergencyError(new FieldErrorLabel(this))
    , m_paper(new QComboBox(this))
    , m_preview(new QLabel(this))
    , m_note(new QLabel(this))
    , m_status(new QLabel(this))
    , m_save(makePrimaryButton(tr("Save as PDF…"), this))
    , m_print(new QPushButton(tr("Print…"), this))
{
    setObjectName(QStringLiteral("careCardDialog"));
    m_childName = buildCareCard(workspace, childId, {}, {}).childName;
    setWindowTitle(tr("%1's care card").arg(m_childName));
    const bool hasAnything = !m_lines.empty();
    m_emergency->setObjectName(QStringLiteral("emergencyLine"));
    m_emergency->setAccessibleName(tr("In an emergency, call"));
    m_emergency->setPlaceholderText(tr("e.g. Sam (Dad) on 07700 900123"));

    // Left: who to call, then every line that may go on the card, under its heading.
    auto* choices = new QWidget;
    choices->setObjectName(QStringLiteral("page"));
    auto* left = new QVBoxLayout(choices);
    left->setContentsMargins(24, 20, 16, 20);
    left->setSpacing(8);
    if (!hasAnything) {
        left->addWidget(makeHeading(tr("Nothing for %1's card yet").arg(m_childName), 2, choices));
        auto* empty = new QLabel(tr("The card is made from what you know about %1. On the Profile page, mark a "
                                    "few things in “What helps them feel safe” as Helps or Avoid, or add a "
                                    "strength in the Notebook. Then come back: they'll be here, ready to choose.")
                                     .arg(m_childName),
                                 choices);
        empty->setObjectName(QStringLiteral("careCardEmpty"));
        m_emergency->setVisible(false);
        empty->setWordWrap(true);
        left->addWidget(empty);
    } else {
        left->addWidget(makeHeading(tr("Choose what goes on the card"), 2, choices));
        auto* hint = new QLabel(tr("One calm page for a grandparent, a sitter or a teacher: not everything, just "
                                   "what helps them look after %1 well. Untick anything you'd rather leave off.")
                                    .arg(m_childName),
                                choices);
        hint->setObjectName(QStringLiteral("muted"));
        hint->setWordWrap(true);
        left->addWidget(hint);

        left->addSpacing(6);
        auto* emergencyLabel = new QLabel(tr("In an &emergency, call… (optional)"), choices);
        emergencyLabel->setBuddy(m_emergency);
        left->addWidget(emergencyLabel);
        left->addWidget(m_emergency);
        m_emergencyError->setObjectName(QStringLiteral("emergencyError"));
        left->addWidget(m_emergencyError);

        for (const auto section : kAllCareSections) {
            const bool hasLines = std::any_of(m_lines.begin(), m_lines.end(),
                                              [section](const CareLine& line) { return line.section == section; });
            // Signs and words are only there when the parent has written some.
            if (!hasLines && (section == CareSection::Signs || section == CareSection::Words))
                continue;
            left->addSpacing(6);
            left->addWidget(makeHeading(careSectionHeading(section, m_childName), 3, choices));
            if (!hasLines) {
                auto* none = new QLabel(section == CareSection::Shines
                                            ? tr("No strengths in the notebook yet. Add one there and it can go here.")
                                        : section == CareSection::Helps
                                            ? tr("Nothing marked “helps” yet: mark a few on the Profile page.")
                                            : tr("Nothing marked “avoid”, so nothing to list here."),
                                        choices);
                none->setObjectName(QStringLiteral("muted"));
                none->setWordWrap(true);
                left->addWidget(none);
                continue;
            }
            auto* list = buildList(section);
            left->addWidget(list);
            m_lists.push_back(list);
        }
    }
    left->addStretch();
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(choices);
    scroll->setMinimumWidth(420);

    // Right: the card as it will print.
    auto* right = new QVBoxLayout;
    right->setContentsMargins(8, 20, 24, 12);
    right->setSpacing(8);
    m_preview->setObjectName(QStringLiteral("careCardPreview"));
    m_preview->setAccessibleName(tr("Preview of the card"));
    m_preview->setAlignment(Qt::AlignCenter);
    m_preview->setStyleSheet(QStringLiteral("#careCardPreview { background: white; border: 1px solid #dde3df; }"));
    right->addWidget(m_preview, 0, Qt::AlignHCenter | Qt::AlignTop);
    m_note->setObjectName(QStringLiteral("muted"));
    m_note->setWordWrap(true);
    m_note->setMaximumWidth(kPreviewWidth);
    right->addWidget(m_note);
    right->addStretch();

    auto* panes = new QHBoxLayout;
    panes->setContentsMargins(0, 0, 0, 0);
    panes->addWidget(scroll, 1);
    panes->addLayout(right);

    m_paper->setObjectName(QStringLiteral("careCardPaper"));
    m_paper->setAccessibleName(tr("Paper size"));
    m_paper->addItem(tr("A4"), static_cast<int>(QPageSize::A4));
    m_paper->addItem(tr("US Letter"), static_cast<int>(QPageSize::Letter));
    m_paper->setCurrentIndex(m_paper->findData(static_cast<int>(defaultPaperSize())));
    m_status->setObjectName(QStringLiteral("careCardStatus"));
    m_status->setWordWrap(true);
    m_print->setObjectName(QStringLiteral("printCareCard"));
    m_print->setAccessibleName(tr("Print the care card"));
    m_print->setAutoDefault(false);
    m_print->setEnabled(hasAnything);
    m_save->setObjectName(QStringLiteral("saveCareCardPdf"));
    m_save->setAccessibleName(tr("Save the care card as a PDF"));
    m_save->setAutoDefault(false);
    m_save->setEnabled(hasAnything);
    auto* close = new QPushButton(tr("Close"), this);
    close->setObjectName(QStringLiteral("closeCareCard"));
    close->setAutoDefault(false);
    auto* buttons = new QHBoxLayout;
    buttons->setContentsMargins(24, 8, 24, 16);
    buttons->setSpacing(8);
    auto* paperLabel = new QLabel(tr("&Paper"), this);
    paperLabel->setBuddy(m_paper);
    buttons->addWidget(paperLabel);
    buttons->addWidget(m_paper);
    buttons->addWidget(m_status, 1);
    buttons->addWidget(close);
    buttons->addWidget(m_print);
    buttons->addWidget(m_save);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(panes, 1);
    layout->addLayout(buttons);

    connect(m_paper, &QComboBox::currentIndexChanged, this, &CareCardDialog::schedulePreview);
    // The line is the parent's words: kept per child, autosaved as they type.
    try {
        m_savedEmergency = toQString(m_workspace.family().careCardEmergency(m_childId));
    } catch (const core::StorageError&) {
    }
    m_emergency->setText(m_savedEmergency);
    m_autosave = new QTimer(this);
    m_autosave->setSingleShot(true);
    m_autosave->setInterval(300);
    connect(m_autosave, &QTimer::timeout, this, [this] { saveEmergency(); });
    connect(m_emergency, &QLineEdit::textChanged, this, [this] {
        checkEmergency();
        m_status->clear();
        schedulePreview();
        m_autosave->start();
    });
    connect(m_save, &QPushButton::clicked, this, &CareCardDialog::saveAsPdf);
    connect(m_print, &QPushButton::clicked, this, &CareCardDialog::print);
    connect(close, &QPushButton::clicked, this, &CareCardDialog::accept);
    if (hasAnything) {
        resize(960, 780);
    } else {
        // Nothing to preview or print yet: just the kind note and Close.
        m_preview->setVisible(false);
        m_paper->setVisible(false);
        paperLabel->setVisible(false);
        m_print->setVisible(false);
        resize(560, 260);
    }
    updatePreview();
}

QListWidget* CareCardDialog::buildList(CareSection section)
{
    auto* list = new QListWidget;
    list->setObjectName(QStringLiteral("careLines-") + sectionKey(section));
    list->setAccessibleName(careSectionHeading(section, m_childName));
    list->setSelectionMode(QAbstractItemView::NoSelection);
    list->setSpacing(1);
    for (std::size_t i = 0; i < m_lines.size(); ++i) {
        const CareLine& line = m_lines[i];
        if (line.section != section)
            continue;
        auto* item = new QListWidgetItem(line.context.isEmpty() ? line.text : tr("%1: %2").arg(line.context, line.text),
                                         list);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(line.isChosen ? Qt::Checked : Qt::Unchecked);
        item->setData(kLineIndexRole, static_cast<int>(i));
        item->setToolTip(line.detail);
    }
    // Every line shows, without the empty rows a taller list would leave.
    const int rows = std::min(list->count(), 12);
    list->setFixedHeight(rows * (list->sizeHintForRow(0) + 2 * list->spacing()) + 2 * list->frameWidth() + 6);
    connect(list, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        const QVariant index = item->data(kLineIndexRole);
        if (!index.isValid())
            return;
        m_lines[static_cast<std::size_t>(index.toInt())].isChosen = item->checkState() == Qt::Checked;
        m_status->clear();
        schedulePreview();
    });
    return list;
}

void CareCardDialog::setChosen(bool isStrength, qint64 id, bool isChosen)
{
    for (QListWidget* list : m_lists) {
        for (int row = 0; row < list->count(); ++row) {
            QListWidgetItem* item = list->item(row);
            const QVariant index = item->data(kLineIndexRole);
            if (!index.isValid())
                continue;
            const CareLine& line = m_lines[static_cast<std::size_t>(index.toInt())];
            if (line.isStrength == isStrength && line.id == id)
                item->setCheckState(isChosen ? Qt::Checked : Qt::Unchecked);
        }
    }
    updatePreview();
}

CareCard CareCardDialog::card() const
{
    // A line that is too long stays in the field (and its message), never on the card.
    const QString emergency = checkEmergencyLine(m_emergency->text()).isEmpty() ? m_emergency->text() : QString();
    return buildCareCard(m_workspace, m_childId, m_lines, emergency);
}

QPageSize::PageSizeId CareCardDialog::paperSize() const
{
    return static_cast<QPageSize::PageSizeId>(m_paper->currentData().toInt());
}

bool CareCardDialog::saveEmergency()
{
    m_autosave->stop();
    if (m_emergency->text().trimmed() == m_savedEmergency.trimmed())
        return true;
    if (!checkEmergency())
        return false;
    try {
        m_workspace.family().setCareCardEmergency(m_childId, toStd(m_emergency->text()));
    } catch (const core::ValidationError& error) {
        m_emergencyError->showMessage(toQString(error.messageFor("emergency")));
        return false;
    } catch (const core::StorageError& error) {
        m_workspace.prompts().warn(this, tr("Not saved yet"), toQString(error.what()));
        return false;
    }
    m_savedEmergency = m_emergency->text();
    return true;
}

void CareCardDialog::done(int result)
{
    saveEmergency(); // what was typed in the last 300 ms is kept too
    QDialog::done(result);
}

bool CareCardDialog::checkEmergency()
{
    const QString message = checkEmergencyLine(m_emergency->text());
    m_emergencyError->showMessage(message);
    return message.isEmpty();
}

void CareCardDialog::schedulePreview()
{
    if (m_isPreviewQueued)
        return;
    m_isPreviewQueued = true;
    QTimer::singleShot(0, this, &CareCardDialog::updatePreview);
}

void CareCardDialog::updatePreview()
{
    m_isPreviewQueued = false;
    const QSizeF points = QPageSize(paperSize()).size(QPageSize::Point);
    const qreal ratio = devicePixelRatioF();
    const int dpi = qRound(kPreviewWidth * ratio * 72.0 / points.width());
    qreal scale = 1.0;
    QImage image = renderCareCard(card(), paperSize(), dpi, &scale);
    image.setDevicePixelRatio(ratio);
    m_preview->setPixmap(QPixmap::fromImage(image));
    m_preview->setFixedSize(qRound(image.width() / ratio) + 2, qRound(image.height() / ratio) + 2);
    m_note->setText(scale < 0.999 ? tr("A lot is chosen, so the type is a little smaller to fit one page. Fewer "
                                       "lines read more easily.")
                                  : QString());
}

bool CareCardDialog::saveAsPdf()
{
    if (m_lines.empty())
        return false;
    if (!checkEmergency()) {
        m_emergency->setFocus();
        return false;
    }
    const CareCard page = card();
    QString path = m_workspace.prompts().chooseSaveFile(this, tr("Save the care card"),
                                                        tr("%1 - care card.pdf").arg(page.childName),
                                                        tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return false;
    if (!path.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive))
        path += QStringLiteral(".pdf");
    if (!mayWriteOutput(m_workspace, this, path, core::OutputKind::File, tr("Not saved")))
        return false;
    if (!writeCareCardPdf(page, paperSize(), path)) {
        m_workspace.prompts().warn(this, tr("Not saved"),
                                   tr("The PDF couldn't be saved there. The folder may be read-only or the disk "
                                      "full. Please choose another place."));
        return false;
    }
    m_status->setText(tr("Saved as %1").arg(QDir::toNativeSeparators(QFileInfo(path).fileName())));
    return true;
}

void CareCardDialog::print()
{
    if (m_lines.empty() || !checkEmergency())
        return;
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(paperSize()));
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print the care card"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (!printCareCard(card(), printer))
        m_workspace.prompts().warn(this, tr("Not printed"), tr("The printer didn't accept the page. Please check "
                                                              "it is on and try again."));
    else
        m_status->setText(tr("Sent to the printer."));
}

} // namespace attune::gui
