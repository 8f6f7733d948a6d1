// SPDX-License-Identifier: MIT
#include "common/Workspace.h"

#include "common/QtConvert.h"
#include "common/TimerHub.h"

#include "attune/core/Database.h"
#include "attune/core/Family.h"
#include "attune/core/Insights.h"
#include "attune/core/Notebook.h"
#include "attune/core/Plans.h"
#include "attune/core/Reflection.h"
#include "attune/core/Search.h"
#include "attune/core/Store.h"
#include "attune/core/TimeLog.h"
#include "attune/core/TimeSummary.h"
#include "attune/core/Timers.h"
#include "attune/core/Trash.h"

#include <QFile>
#include <QUndoStack>

#include <spdlog/spdlog.h>

namespace attune::gui {

namespace {
std::string readResource(const QString& name)
{
    QFile file(QStringLiteral(":/content/") + name);
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error("missing content file " + toStd(name));
    return toStd(file.readAll());
}
} // namespace

Content Content::loadFromResources()
{
    Content content;
    content.coregCategories = core::parseCoregCategories(readResource(QStringLiteral("coregulation.json")));
    content.helplines = core::parseHelplines(readResource(QStringLiteral("helplines.json")),
                                             &content.defaultHelplineLocale);
    content.crisis = core::parseCrisis(readResource(QStringLiteral("crisis.json")));
    content.disclaimer = core::parseDisclaimer(readResource(QStringLiteral("disclaimer.json")));
    content.tips = core::parseTips(readResource(QStringLiteral("tips.json")));
    content.feelings = core::parseFeelings(readResource(QStringLiteral("feelings.json")));
    content.activityIdeas = core::parseActivities(readResource(QStringLiteral("activities.json")));
    content.uses = core::parseUses(readResource(QStringLiteral("uses.json")));
    return content;
}

Workspace::Workspace(core::Database db, const core::Clock& clock, Prompts& prompts, QObject* parent)
    : QObject(parent)
    , m_db(std::make_unique<core::Database>(std::move(db)))
    , m_clock(clock)
    , m_prompts(prompts)
    , m_store(std::make_unique<core::Store>(*m_db, m_clock))
    , m_family(std::make_unique<core::Family>(*m_store))
    , m_trash(std::make_unique<core::Trash>(*m_store))
    , m_reflections(std::make_unique<core::Reflections>(*m_store))
    , m_plans(std::make_unique<core::Plans>(*m_store))
    , m_notebook(std::make_unique<core::Notebook>(*m_store))
    , m_timeLog(std::make_unique<core::TimeLog>(*m_store))
    , m_timers(std::make_unique<core::Timers>(*m_store))
    , m_timeSummary(std::make_unique<core::TimeSummary>(*m_store))
    , m_insights(std::make_unique<core::Insights>(*m_store))
    , m_search(std::make_unique<core::Search>(*m_store))
    , m_undoStack(new QUndoStack(this))
    , m_content(Content::loadFromResources())
{
    m_undoStack->setObjectName(QStringLiteral("undoStack"));
    connect(this, &Workspace::dataReplaced, m_undoStack, &QUndoStack::clear);
    const auto caregivers = m_family->caregivers();
    if (!caregivers.empty())
        m_store->setActor(caregivers.front().meta.uuid);
    // Made last: it reads the timers the file already holds (they survive a restart).
    m_timerHub = std::make_unique<TimerHub>(*this);
}

Workspace::~Workspace()
{
    close();
}

void Workspace::setCurrentCaregiver(const std::string& uuid)
{
    m_store->setActor(uuid);
}

const std::string& Workspace::currentCaregiver() const
{
    return m_store->actor();
}

bool Workspace::close()
{
    if (m_timerHub)
        m_timerHub->stopTicking();
    return !m_db || m_db->close();
}

} // namespace attune::gui
