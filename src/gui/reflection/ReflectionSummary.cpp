// SPDX-License-Identifier: MIT
#include "reflection/ReflectionSummary.h"

#include "common/QtConvert.h"
#include "common/Widgets.h"
#include "common/Workspace.h"
#include "reflection/ReflectionContent.h"

#include "attune/core/Dates.h"
#include "attune/core/Family.h"
#include "attune/core/Notebook.h"
#include "attune/core/Plans.h"

#include <QDate>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>

namespace attune::gui {

namespace {

QString esc(const std::string& text)
{
    return toQString(text).toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

QString joined(const std::vector<std::string>& keys, const std::function<QString(const QString&)>& label)
{
    QStringList words;
    for (const auto& key : keys)
        words << label(toQString(key)).toHtmlEscaped();
    return words.join(QStringLiteral(", "));
}

} // namespace

QString reflectionSummaryHtml(Workspace& workspace, const core::ReflectionDraft& d)
{
    const auto& content = ReflectionContent::shipped();
    QString html;
    auto section = [&html](const QString& title, const QString& body) {
        if (body.trimmed().isEmpty())
            return;
        html += QStringLiteral("<p style='margin:0 0 10px 0'><b>%1</b><br>%2</p>").arg(title.toHtmlEscaped(), body);
    };
    auto label = [](const std::vector<PickItem>& items) {
        return [&items](const QString& key) { return ReflectionContent::labelOf(items, key); };
    };

    QString when;
    const QDate day = QDate::fromString(toQString(d.happenedOn.empty() ? workspace.clock().today() : d.happenedOn), Qt::ISODate);
    if (day.isValid())
        when = QLocale().toString(day, QLocale::LongFormat);
    if (!d.happenedTime.empty())
        when += QStringLiteral(", ") + toQString(d.happenedTime);
    if (!d.place.empty())
        when += QStringLiteral(" · ") + toQString(d.place);
    QString happened = when.toHtmlEscaped();
    if (!d.justBefore.empty())
        happened += QStringLiteral("<br>") + QObject::tr("Just before: %1").arg(esc(d.justBefore));
    if (d.wasTransition)
        happened += QStringLiteral("<br>") + QObject::tr("It was a transition.");
    if (!d.whatHappened.empty())
        happened += QStringLiteral("<br>") + esc(d.whatHappened);
    section(QObject::tr("What happened"), happened);

    QString me;
    if (!d.myState.empty())
        me += ReflectionContent::labelOf(content.parentStates, toQString(d.myState)).toHtmlEscaped();
    if (!d.regulatingAction.empty())
        me += (me.isEmpty() ? QString() : QStringLiteral(" · "))
            + ReflectionContent::labelOf(content.regulatingActions, toQString(d.regulatingAction)).toHtmlEscaped();
    if (d.activationBefore || d.activationAfter) {
        QString levels = d.activationBefore ? QString::number(*d.activationBefore) : QStringLiteral("–");
        if (d.activationAfter)
            levels = QObject::tr("%1, then %2 of 10").arg(levels).arg(*d.activationAfter);
        else
            levels = QObject::tr("%1 of 10").arg(levels);
        me += (me.isEmpty() ? QString() : QStringLiteral("<br>")) + QObject::tr("Upset in my body: %1").arg(levels);
    }
    section(QObject::tr("Me"), me);

    QString child = joined(d.childFeelings, [&content](const QString& key) { return content.feelingLabel(key); });
    if (!d.childState.empty())
        child += (child.isEmpty() ? QString() : QStringLiteral("<br>"))
               + ReflectionContent::labelOf(content.childStates, toQString(d.childState)).toHtmlEscaped();
    if (!d.source.empty())
        child += (child.isEmpty() ? QString() : QStringLiteral(" · "))
               + ReflectionContent::labelOf(content.sources, toQString(d.source)).toHtmlEscaped();
    section(QObject::tr("How my child felt"), child);

    QString why = joined(d.unmetNeeds, [&content](const QString& key) { return content.unmetNeedLabel(key); });
    const QString skills = joined(d.laggingSkills, label(content.laggingSkills));
    if (!skills.isEmpty())
        why += (why.isEmpty() ? QString() : QStringLiteral("<br>")) + QObject::tr("Skills still growing: %1").arg(skills);
    if (!d.otherSkill.empty())
        why += QStringLiteral("<br>") + esc(d.otherSkill);
    for (const std::string* text : {&d.whyFeeling, &d.whyBehaving, &d.whyStruggling}) {
        if (!text->empty())
            why += (why.isEmpty() ? QString() : QStringLiteral("<br>")) + esc(*text);
    }
    section(QObject::tr("Why it might have been hard"), why);

    QString repair;
    if (d.lostTemper.value_or(false)) {
        repair = d.repair == core::RepairState::Done ? QObject::tr("Repaired.")
                                                       : QObject::tr("A repair to come back to.");
        const QString steps = joined(d.repairSteps, label(content.repairSteps));
        if (!steps.isEmpty())
            repair += QStringLiteral("<br>") + QObject::tr("Done so far: %1").arg(steps);
    }
    if (!d.selfCompassion.empty())
        repair += (repair.isEmpty() ? QString() : QStringLiteral("<br>")) + QStringLiteral("<i>%1</i>").arg(esc(d.selfCompassion));
    section(QObject::tr("Repair"), repair);

    QString coreg;
    if (!d.coregTried.empty()) {
        try {
            const auto items = workspace.family().coregItems(d.childId);
            QStringList tried;
            for (const auto& entry : d.coregTried) {
                for (const auto& item : items) {
                    if (item.meta.id != entry.itemId)
                        continue;
                    const QString outcome = entry.outcome == core::CoregOutcome::Helped       ? QObject::tr("helped")
                                          : entry.outcome == core::CoregOutcome::DidNotHelp ? QObject::tr("didn't help this time")
                                                                                            : QObject::tr("not sure");
                    tried << QStringLiteral("%1 (%2)").arg(toQString(item.label).toHtmlEscaped(), outcome);
                }
            }
            coreg = tried.join(QStringLiteral(", "));
        } catch (const std::exception&) {
        }
    }
    if (!d.coregNote.empty())
        coreg += (coreg.isEmpty() ? QString() : QStringLiteral("<br>")) + esc(d.coregNote);
    section(QObject::tr("What I tried to help them settle"), coreg);

    if (!d.strengthUuids.empty()) {
        try {
            QStringList names;
            for (const auto& entry : workspace.notebook().strengthsForUses(
                     d.childId, core::UseSet{core::Use::CoolDown, core::Use::Transitions, core::Use::Repair})) {
                const std::string uuid = workspace.notebook().entry(entry.id).meta.uuid;
                if (std::find(d.strengthUuids.begin(), d.strengthUuids.end(), uuid) != d.strengthUuids.end())
                    names << toQString(entry.shine.empty() ? entry.title : entry.shine).toHtmlEscaped();
            }
            section(QObject::tr("Strengths to lean on"), names.join(QStringLiteral(", ")));
        } catch (const std::exception&) {
        }
    }

    if (d.problemId != 0) {
        try {
            const core::Problem problem = workspace.plans().problem(d.problemId);
            QString plan = esc(problem.data.text);
            if (problem.data.plan != core::PlanKind::None)
                plan += QStringLiteral("<br>") + QObject::tr("Plan %1").arg(toQString(core::toString(problem.data.plan)).toUpper());
            const auto talks = workspace.plans().talks(d.problemId);
            if (!talks.empty()) {
                const auto& talk = talks.back().data;
                plan += QStringLiteral("<br>") + QObject::tr("Calm conversation on %1")
                                                        .arg(QLocale().toString(QDate::fromString(toQString(talk.scheduledOn), Qt::ISODate),
                                                                                QLocale::LongFormat));
                if (!talk.agreed.empty())
                    plan += QStringLiteral("<br>") + QObject::tr("We agreed: %1").arg(esc(talk.agreed));
            }
            section(QObject::tr("Plan for next time"), plan);
        } catch (const std::exception&) {
        }
    }

    if (html.isEmpty())
        html = QObject::tr("Nothing filled in yet, and that's fine. Even stopping to look back is a step.");
    return html;
}

ReflectionView::ReflectionView(Workspace& workspace, core::Id reflectionId, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("reflectionView"));
    setWindowTitle(tr("Reflection"));
    resize(640, 640);
    const core::Reflection reflection = workspace.reflections().reflection(reflectionId);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    QString title = toQString(reflection.data.summary);
    if (title.isEmpty())
        title = tr("A hard moment");
    layout->addWidget(makeHeading(title, 2, this));
    auto* text = new QTextBrowser(this);
    text->setObjectName(QStringLiteral("reflectionText"));
    text->setFrameShape(QFrame::NoFrame);
    text->setHtml(reflectionSummaryHtml(workspace, reflection.data));
    layout->addWidget(text, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* edit = buttons->addButton(tr("Edit"), QDialogButtonBox::ActionRole);
    edit->setObjectName(QStringLiteral("editReflection"));
    connect(edit, &QPushButton::clicked, this, [this, reflectionId] {
        Q_EMIT editRequested(reflectionId);
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace attune::gui
