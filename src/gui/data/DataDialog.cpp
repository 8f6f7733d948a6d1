// SPDX-License-Identifier: MIT
#include "data/DataDialog.h"

#include "common/Prompts.h"
#include "common/Workspace.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace attune::gui {

QString recordKindName(const std::string& table)
{
    static const std::pair<const char*, const char*> kNames[] = {
        {"caregivers", QT_TRANSLATE_NOOP("DataDialog", "Caregivers")},
        {"children", QT_TRANSLATE_NOOP("DataDialog", "Children")},
        {"coreg_items", QT_TRANSLATE_NOOP("DataDialog", "Co-regulation notes")},
        {"sessions", QT_TRANSLATE_NOOP("DataDialog", "One-on-one sessions")},
        {"day_states", QT_TRANSLATE_NOOP("DataDialog", "Days marked away, sick or partner")},
        {"timers", QT_TRANSLATE_NOOP("DataDialog", "Timers")},
        {"notebook_entries", QT_TRANSLATE_NOOP("DataDialog", "Notebook entries")},
        {"notebook_evidence", QT_TRANSLATE_NOOP("DataDialog", "Notebook notes")},
        {"problems", QT_TRANSLATE_NOOP("DataDialog", "Plans")},
        {"plan_b_talks", QT_TRANSLATE_NOOP("DataDialog", "Calm conversations")},
        {"reflections", QT_TRANSLATE_NOOP("DataDialog", "Reflections")},
    };
    for (const auto& [key, name] : kNames) {
        if (table == key)
            return DataDialog::tr(name);
    }
    QString plain = QString::fromStdString(table).replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!plain.isEmpty())
        plain[0] = plain[0].toUpper();
    return plain;
}

QString sizeText(std::uintmax_t bytes)
{
    const double value = static_cast<double>(bytes);
    if (bytes >= 1024ULL * 1024)
        return DataDialog::tr("%1 MB").arg(value / (1024.0 * 1024.0), 0, 'f', 1);
    return DataDialog::tr("%1 KB").arg(std::max<std::uintmax_t>(1, (bytes + 1023) / 1024));
}

DataDialog::DataDialog(Workspace& workspace, const QString& title, QWidget* parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_work(new BackgroundWork(this))
    , m_fields(new QVBoxLayout)
    , m_buttons(new QHBoxLayout)
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_status(new QLabel(this))
{
    setWindowTitle(title);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(14);
    m_fields->setSpacing(10);
    layout->addLayout(m_fields, 1);

    auto* workRow = new QHBoxLayout;
    m_progress->setObjectName(QStringLiteral("workProgress"));
    m_progress->setAccessibleName(tr("Progress"));
    m_progress->setTextVisible(false);
    m_cancel->setObjectName(QStringLiteral("cancelWork"));
    m_cancel->setAccessibleName(tr("Stop this work"));
    workRow->addWidget(m_progress, 1);
    workRow->addWidget(m_cancel);
    layout->addLayout(workRow);
    m_progress->hide();
    m_cancel->hide();

    m_status->setObjectName(QStringLiteral("workStatus"));
    m_status->setAccessibleName(tr("What happened"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->hide();
    layout->addWidget(m_status);

    auto* close = new QPushButton(tr("Close"), this);
    close->setObjectName(QStringLiteral("closeDialog"));
    close->setAutoDefault(false);
    m_buttons->addStretch();
    m_buttons->addWidget(close);
    layout->addLayout(m_buttons);

    connect(close, &QPushButton::clicked, this, &DataDialog::reject);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_work->cancel();
        m_cancel->setEnabled(false);
        setStatus(tr("Stopping…"));
    });
    connect(m_work, &BackgroundWork::progressed, this, [this](qint64 done, qint64 total) {
        if (total <= 0)
            return;
        // QProgressBar counts in int; a percentage is all it needs.
        m_progress->setRange(0, 100);
        m_progress->setValue(static_cast<int>(done * 100 / total));
    });
    connect(m_work, &BackgroundWork::finished, this, &DataDialog::finish);
}

QString DataDialog::statusText() const
{
    return m_status->isHidden() ? QString() : m_status->text();
}

void DataDialog::setStatus(const QString& text)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

void DataDialog::runInBackground(const QString& busyText, BackgroundWork::Work work, Done done, bool isCancellable)
{
    if (m_work->isRunning())
        return;
    m_done = std::move(done);
    m_progress->setRange(0, 0); // busy until the first report
    m_progress->show();
    m_cancel->setVisible(isCancellable);
    m_cancel->setEnabled(true);
    setStatus(busyText);
    setFieldsEnabled(false);
    m_work->start(std::move(work));
}

void DataDialog::finish(const WorkOutcome& outcome)
{
    m_progress->hide();
    m_cancel->hide();
    setFieldsEnabled(true);
    setStatus(outcome.kind == WorkOutcome::Kind::Cancelled ? outcome.message : QString());
    const Done done = std::move(m_done);
    m_done = nullptr;
    if (done)
        done(outcome);
}

void DataDialog::reject()
{
    if (m_work->isRunning()) {
        if (!m_work->isCancelling()) {
            if (m_cancel->isHidden()) {
                // A restore can't stop halfway; it takes seconds, so wait for it.
                m_work->wait();
            } else {
                if (!m_workspace.prompts().confirm(this, tr("Stop now?"),
                                                   tr("This isn't finished yet. If you stop now, nothing is written."),
                                                   tr("Stop")))
                    return;
                m_work->cancel();
                m_work->wait();
            }
        } else {
            m_work->wait();
        }
    }
    QDialog::reject();
}

} // namespace attune::gui
