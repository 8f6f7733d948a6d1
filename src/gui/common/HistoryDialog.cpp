// SPDX-License-Identifier: MIT
#include "common/HistoryDialog.h"

#include "common/KeptVersions.h"
#include "common/QtConvert.h"
#include "common/Workspace.h"

#include <QClipboard>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QBoxLayout>
#include <QHBoxLayout>
#include <QVBoxLayout>

#include <algorithm>

namespace attune::gui {

namespace {

QString kindOf(const std::string& table)
{
    if (table == "children" || table == "coreg_items")
        return HistoryDialog::tr("Profile");
    if (table == "sessions")
        return HistoryDialog::tr("One-on-one time");
    if (table == "notebook_entries" || table == "notebook_evidence")
        return HistoryDialog::tr("Notebook");
    if (table == "problems" || table == "plan_b_talks")
        return HistoryDialog::tr("Plans");
    return QString::fromStdString(table);
}

QString rowText(const core::HistoryEntry& entry, bool isEveryRecord)
{
    const QString when = QLocale().toString(QDateTime::fromMSecsSinceEpoch(entry.replacedAt), QLocale::ShortFormat);
    QString text = isEveryRecord ? HistoryDialog::tr("%1 · %2: %3")
                                       .arg(when, kindOf(entry.table), fieldLabel(entry.table, entry.field))
                                 : HistoryDialog::tr("%1 · %2").arg(when, fieldLabel(entry.table, entry.field));
    if (!entry.writtenByName.empty())
        text += HistoryDialog::tr(" · written by %1").arg(toQString(entry.writtenByName));
    return text;
}

} // namespace

HistoryDialog::HistoryDialog(Workspace& workspace, const std::vector<std::string>& recordUuids, QWidget* parent)
    : QDialog(parent)
    , m_list(new QListWidget(this))
    , m_text(new QPlainTextEdit(this))
    , m_photo(new QLabel(this))
    , m_copy(new QPushButton(tr("Copy"), this))
{
    setWindowTitle(tr("Earlier versions"));
    setObjectName(QStringLiteral("historyDialog"));
    setMinimumSize(560, 420);
    core::RecordHistory history(workspace.store());
    if (recordUuids.empty()) {
        m_entries = history.recent();
    } else {
        for (const auto& uuid : recordUuids) {
            auto more = history.entries(uuid);
            m_entries.insert(m_entries.end(), more.begin(), more.end());
        }
        std::stable_sort(m_entries.begin(), m_entries.end(),
                         [](const auto& a, const auto& b) { return a.replacedAt > b.replacedAt; });
    }

    auto* intro = new QLabel(
        m_entries.empty()
            ? tr("Nothing here yet. When something you save had also changed somewhere else while it was open, the "
                 "other version is kept here.")
            : tr("When something you saved had also changed somewhere else while it was open, your version was "
                 "saved and the other one is kept here. Choose one to read it whole, then copy it back into the "
                 "form if you want it."),
        this);
    intro->setWordWrap(true);
    m_list->setObjectName(QStringLiteral("versions"));
    for (const auto& entry : m_entries)
        m_list->addItem(rowText(entry, recordUuids.empty()));
    m_text->setObjectName(QStringLiteral("versionText"));
    m_text->setReadOnly(true);
    m_photo->setAlignment(Qt::AlignCenter);
    m_photo->hide();
    m_copy->setObjectName(QStringLiteral("copyVersion"));
    m_copy->setEnabled(false);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_copy, QDialogButtonBox::ActionRole);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_text, 2);
    layout->addWidget(m_photo, 2);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_copy, &QPushButton::clicked, this, &HistoryDialog::copyChosen);
    connect(m_list, &QListWidget::currentRowChanged, this, &HistoryDialog::showChosen);
    if (!m_entries.empty())
        m_list->setCurrentRow(0);
    showChosen();
}

void HistoryDialog::showChosen()
{
    const int row = m_list->currentRow();
    const bool isChosen = row >= 0 && row < entryCount();
    m_copy->setEnabled(isChosen);
    const bool isPhoto = isChosen && m_entries[static_cast<std::size_t>(row)].isBytes;
    m_text->setVisible(!isPhoto);
    m_photo->setVisible(isPhoto);
    if (!isChosen) {
        m_text->clear();
        return;
    }
    const core::HistoryEntry& entry = m_entries[static_cast<std::size_t>(row)];
    if (isPhoto)
        m_photo->setPixmap(QPixmap::fromImage(QImage::fromData(toBytes(entry.bytes))).scaled(
            200, 200, Qt::KeepAspectRatio, Qt::SmoothTransformation));
    else
        m_text->setPlainText(entry.value.empty() ? tr("(it was empty)") : toQString(entry.value));
}

void HistoryDialog::copyChosen()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= entryCount())
        return;
    const core::HistoryEntry& entry = m_entries[static_cast<std::size_t>(row)];
    if (entry.isBytes)
        QGuiApplication::clipboard()->setImage(QImage::fromData(toBytes(entry.bytes)));
    else
        QGuiApplication::clipboard()->setText(toQString(entry.value));
}

QPushButton* makeEarlierVersionsButton(Workspace& workspace, const std::vector<std::string>& recordUuids,
                                       QWidget* parent)
{
    core::RecordHistory history(workspace.store());
    int kept = 0;
    for (const auto& uuid : recordUuids)
        kept += history.count(uuid);
    if (kept == 0)
        return nullptr;
    auto* button = new QPushButton(HistoryDialog::tr("Earlier versions (%1)\u2026").arg(kept), parent);
    button->setObjectName(QStringLiteral("earlierVersions"));
    button->setAutoDefault(false);
    QObject::connect(button, &QPushButton::clicked, parent, [&workspace, recordUuids, parent] {
        HistoryDialog(workspace, recordUuids, parent).exec();
    });
    return button;
}

void addEarlierVersionsButton(Workspace& workspace, const std::vector<std::string>& recordUuids,
                              QDialogButtonBox* buttons)
{
    auto* layout = qobject_cast<QBoxLayout*>(buttons->parentWidget()->layout());
    const int at = layout ? layout->indexOf(buttons) : -1;
    QPushButton* earlier = at >= 0 ? makeEarlierVersionsButton(workspace, recordUuids, buttons->parentWidget()) : nullptr;
    if (earlier == nullptr)
        return;
    // Apart from Save and Cancel, on the left: it opens a list, it does not end the form.
    auto* row = new QHBoxLayout;
    layout->removeWidget(buttons);
    row->addWidget(earlier);
    row->addWidget(buttons, 1);
    layout->insertLayout(at, row);
}

} // namespace attune::gui
