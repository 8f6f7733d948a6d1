// SPDX-License-Identifier: MIT
#include "data/BackgroundWork.h"

#include "common/QtConvert.h"

#include "attune/core/Database.h"

#include <QThread>

#include <spdlog/spdlog.h>

#include <chrono>

namespace attune::gui {

namespace {
// At most about 30 progress updates a second reach the GUI thread.
constexpr auto kReportInterval = std::chrono::milliseconds(33);
} // namespace

BackgroundWork::BackgroundWork(QObject* parent)
    : QObject(parent)
{
}

BackgroundWork::~BackgroundWork()
{
    if (m_thread) {
        m_stop = true;
        m_thread->wait();
        delete m_thread;
    }
}

bool BackgroundWork::start(Work work)
{
    if (m_thread)
        return false;
    m_stop = false;
    m_outcome = {};
    m_thread = QThread::create([this, work = std::move(work)] {
        auto last = std::chrono::steady_clock::now() - kReportInterval;
        core::Progress progress;
        progress.stop = &m_stop;
        progress.report = [this, &last](std::size_t done, std::size_t total) {
            const auto now = std::chrono::steady_clock::now();
            if (done < total && now - last < kReportInterval)
                return;
            last = now;
            // Emitted on the worker thread; receivers in the GUI thread get it queued.
            Q_EMIT progressed(static_cast<qint64>(done), static_cast<qint64>(total));
        };
        WorkOutcome outcome;
        try {
            work(progress);
        } catch (const core::WorkCancelled&) {
            outcome.kind = WorkOutcome::Kind::Cancelled;
            outcome.message = tr("Stopped — nothing was written.");
        } catch (const core::ValidationError& error) {
            outcome.kind = WorkOutcome::Kind::Invalid;
            outcome.errors = error.errors();
            outcome.message = toQString(error.what());
        } catch (const std::exception& error) {
            outcome.kind = WorkOutcome::Kind::Failed;
            outcome.message = toQString(error.what());
            spdlog::warn("background work failed");
        }
        m_outcome = std::move(outcome);
    });
    m_thread->setObjectName(QStringLiteral("attune-work"));
    connect(m_thread, &QThread::finished, this, &BackgroundWork::collect, Qt::QueuedConnection);
    m_thread->start();
    return true;
}

void BackgroundWork::cancel()
{
    if (m_thread)
        m_stop = true;
}

void BackgroundWork::wait()
{
    if (m_thread) {
        m_thread->wait();
        collect();
    }
}

void BackgroundWork::collect()
{
    // Called by the queued finished signal and by wait(); only the first does anything.
    if (!m_thread || !m_thread->isFinished())
        return;
    m_thread->deleteLater();
    m_thread = nullptr;
    const WorkOutcome outcome = std::move(m_outcome);
    m_outcome = {};
    Q_EMIT finished(outcome);
}

core::Database BackgroundWork::openOwnConnection(const std::filesystem::path& file)
{
    return core::Database::open(file);
}

} // namespace attune::gui
