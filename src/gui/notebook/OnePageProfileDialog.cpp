// SPDX-License-Identifier: MIT
#include "notebook/OnePageProfileDialog.h"

#include "common/OutputPrompt.h"
#include "common/Prompts.h"
#include "common/QtConvert.h"
#include "common/Widgets.h"
#include "common/Workspace.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

namespace attune::gui {

namespace {
constexpr int kPreviewWidth = 400; // logical pixels
constexpr int kChoiceIndexRole = Qt::UserRole + 1;
} // namespace

OnePageProfileDialog::OnePageProfileDialog(Workspace& workspace, qint64 childId, QWidget* parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_childId(childId)
    , m_choices(loadProfileChoices(workspace, childId))
    , m_paper(new QComboBox(this))
    , m_preview(new QLabel(this))
    , m_note(new QLabel(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("onePageProfileDialog"));
    const OnePageProfile first = buildOnePageProfile(workspace, childId, m_choices);
    setWindowTitle(tr("%1's one-page profile").arg(first.childName));

    // Left: what may go on the page, under its three headings.
    auto* choices = new QWidget;
    choices->setObjectName(QStringLiteral("page"));
    auto* left = new QVBoxLayout(choices);
    left->setContentsMargins(24, 20, 16, 20);
    left->setSpacing(8);
    left->addWidget(makeHeading(tr("Choose what goes on the page"), 2, choices));
    auto* hint = new QLabel(tr("A calm page for a teacher, a sitter or a grandparent: not everything, just what "
                               "helps them know %1. Pinned strengths and interests are ticked to begin with.")
                                .arg(first.childName),
                            choices);
    hint->setObjectName(QStringLiteral("muted"));
    hint->setWordWrap(true);
    left->addWidget(hint);
    for (const auto heading : {ProfileChoice::Heading::Admire, ProfileChoice::Heading::Matters,
                               ProfileChoice::Heading::Support}) {
        left->addSpacing(6);
        left->addWidget(makeHeading(profileHeading(heading), 3, choices));
        auto* list = buildList(heading);
        left->addWidget(list);
        m_lists.push_back(list);
    }
    left->addStretch();
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(choices);
    scroll->setMinimumWidth(420);

    // Right: the page as it will print.
    auto* right = new QVBoxLayout;
    right->setContentsMargins(8, 20, 24, 12);
    right->setSpacing(8);
    m_preview->setObjectName(QStringLiteral("profilePreview"));
    m_preview->setAccessibleName(tr("Preview of the page"));
    m_preview->setAlignment(Qt::AlignCenter);
    m_preview->setStyleSheet(QStringLiteral("#profilePreview { background: white; border: 1px solid #dde3df; }"));
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

    m_paper->setObjectName(QStringLiteral("paperSize"));
    m_paper->setAccessibleName(tr("Paper size"));
    m_paper->addItem(tr("A4"), static_cast<int>(QPageSize::A4));
    m_paper->addItem(tr("US Letter"), static_cast<int>(QPageSize::Letter));
    m_paper->setCurrentIndex(m_paper->findData(static_cast<int>(defaultPaperSize())));
    m_status->setObjectName(QStringLiteral("profileStatus"));
    m_status->setWordWrap(true);
    auto* print = new QPushButton(tr("Print…"), this);
    print->setObjectName(QStringLiteral("printProfile"));
    print->setAutoDefault(false);
    QPushButton* save = makePrimaryButton(tr("Save as PDF…"), this);
    save->setObjectName(QStringLiteral("saveProfilePdf"));
    save->setAutoDefault(false);
    auto* close = new QPushButton(tr("Close"), this);
    close->setObjectName(QStringLiteral("closeProfile"));
    close->setAutoDefault(false);
    auto* buttons = new QHBoxLayout;
    buttons->setContentsMargins(24, 8, 24, 16);
    auto* paperLabel = new QLabel(tr("&Paper"), this);
    paperLabel->setBuddy(m_paper);
    buttons->addWidget(paperLabel);
    buttons->addWidget(m_paper);
    buttons->addWidget(m_status, 1);
    buttons->addWidget(close);
    buttons->addWidget(print);
    buttons->addWidget(save);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(panes, 1);
    layout->addLayout(buttons);

    connect(m_paper, &QComboBox::currentIndexChanged, this, &OnePageProfileDialog::schedulePreview);
    connect(save, &QPushButton::clicked, this, &OnePageProfileDialog::saveAsPdf);
    connect(print, &QPushButton::clicked, this, &OnePageProfileDialog::print);
    connect(close, &QPushButton::clicked, this, &OnePageProfileDialog::accept);
    resize(960, 760);
    updatePreview();
}

QListWidget* OnePageProfileDialog::buildList(ProfileChoice::Heading heading)
{
    auto* list = new QListWidget;
    const char* key = heading == ProfileChoice::Heading::Admire    ? "admire"
                      : heading == ProfileChoice::Heading::Matters ? "matters"
                                                                   : "support";
    list->setObjectName(QStringLiteral("choices-") + QString::fromLatin1(key));
    list->setAccessibleName(profileHeading(heading));
    list->setSelectionMode(QAbstractItemView::NoSelection);
    list->setSpacing(1);
    QString group;
    for (std::size_t i = 0; i < m_choices.size(); ++i) {
        const ProfileChoice& choice = m_choices[i];
        if (choice.heading != heading)
            continue;
        if (choice.group != group) {
            // A small caption over each kind of item (Strengths, Skills…; What helps, Please avoid).
            group = choice.group;
            auto* caption = new QListWidgetItem(group.toUpper(), list);
            caption->setFlags(Qt::NoItemFlags);
            QFont font = list->font();
            font.setPointSizeF(font.pointSizeF() * 0.85);
            font.setWeight(QFont::DemiBold);
            caption->setFont(font);
        }
        auto* item = new QListWidgetItem(choice.context.isEmpty() ? choice.title
                                                                  : tr("%1: %2").arg(choice.context, choice.title),
                                         list);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(choice.isChosen ? Qt::Checked : Qt::Unchecked);
        item->setData(kChoiceIndexRole, static_cast<int>(i));
        item->setToolTip(choice.detail);
    }
    if (list->count() == 0) {
        auto* none = new QListWidgetItem(heading == ProfileChoice::Heading::Support
                                             ? tr("Nothing rated “helps” or “avoid” yet: see the Profile page.")
                                             : tr("Nothing in the notebook here yet."),
                                         list);
        none->setFlags(Qt::NoItemFlags);
    }
    fitListHeight(list, 1, 14);
    connect(list, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        const QVariant index = item->data(kChoiceIndexRole);
        if (!index.isValid())
            return;
        m_choices[static_cast<std::size_t>(index.toInt())].isChosen = item->checkState() == Qt::Checked;
        schedulePreview();
    });
    return list;
}

void OnePageProfileDialog::setChosen(ProfileChoice::Kind kind, qint64 id, bool isChosen)
{
    for (QListWidget* list : m_lists) {
        for (int row = 0; row < list->count(); ++row) {
            QListWidgetItem* item = list->item(row);
            const QVariant index = item->data(kChoiceIndexRole);
            if (!index.isValid())
                continue;
            const ProfileChoice& choice = m_choices[static_cast<std::size_t>(index.toInt())];
            if (choice.kind == kind && choice.id == id)
                item->setCheckState(isChosen ? Qt::Checked : Qt::Unchecked);
        }
    }
    updatePreview();
}

OnePageProfile OnePageProfileDialog::profile() const
{
    return buildOnePageProfile(m_workspace, m_childId, m_choices);
}

QPageSize::PageSizeId OnePageProfileDialog::paperSize() const
{
    return static_cast<QPageSize::PageSizeId>(m_paper->currentData().toInt());
}

void OnePageProfileDialog::schedulePreview()
{
    if (m_isPreviewQueued)
        return;
    m_isPreviewQueued = true;
    QTimer::singleShot(0, this, &OnePageProfileDialog::updatePreview);
}

void OnePageProfileDialog::updatePreview()
{
    m_isPreviewQueued = false;
    const OnePageProfile page = profile();
    const QSizeF points = QPageSize(paperSize()).size(QPageSize::Point);
    const qreal ratio = devicePixelRatioF();
    const int dpi = qRound(kPreviewWidth * ratio * 72.0 / points.width());
    qreal scale = 1.0;
    QImage image = renderOnePageProfile(page, paperSize(), dpi, &scale);
    image.setDevicePixelRatio(ratio);
    m_preview->setPixmap(QPixmap::fromImage(image));
    m_preview->setFixedSize(qRound(image.width() / ratio) + 2, qRound(image.height() / ratio) + 2);
    m_note->setText(scale < 0.999 ? tr("A lot is chosen, so the type is a little smaller to fit one page. Fewer "
                                       "things read more easily.")
                                  : QString());
}

bool OnePageProfileDialog::saveAsPdf()
{
    const OnePageProfile page = profile();
    QString path = m_workspace.prompts().chooseSaveFile(this, tr("Save the one-page profile"),
                                                        tr("%1 - one-page profile.pdf").arg(page.childName),
                                                        tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return false;
    if (!path.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive))
        path += QStringLiteral(".pdf");
    if (!mayWriteOutput(m_workspace, this, path, core::OutputKind::File, tr("Not saved")))
        return false;
    if (!writeOnePageProfilePdf(page, paperSize(), path)) {
        m_workspace.prompts().warn(this, tr("Not saved"),
                                   tr("The PDF couldn't be saved there. The folder may be read-only or the disk "
                                      "full. Please choose another place."));
        return false;
    }
    m_status->setText(tr("Saved as %1").arg(QDir::toNativeSeparators(QFileInfo(path).fileName())));
    return true;
}

void OnePageProfileDialog::print()
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(paperSize()));
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print the one-page profile"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (!printOnePageProfile(profile(), printer))
        m_workspace.prompts().warn(this, tr("Not printed"), tr("The printer didn't accept the page. Please check "
                                                              "it is on and try again."));
    else
        m_status->setText(tr("Sent to the printer."));
}

} // namespace attune::gui
