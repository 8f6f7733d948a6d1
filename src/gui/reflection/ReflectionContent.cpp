// SPDX-License-Identifier: MIT
#include "reflection/ReflectionContent.h"

#include "common/QtConvert.h"

#include "attune/core/ReflectionCatalog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace attune::gui {

namespace {

QJsonObject readContent(const QString& name)
{
    QFile file(QStringLiteral(":/content/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

std::vector<PickItem> readItems(const QJsonArray& array, const QString& detailKey)
{
    std::vector<PickItem> items;
    for (const QJsonValue& value : array) {
        const QJsonObject object = value.toObject();
        items.push_back({object.value(QStringLiteral("key")).toString(), object.value(QStringLiteral("label")).toString(),
                         object.value(detailKey).toString()});
    }
    return items;
}

QStringList readStrings(const QJsonArray& array)
{
    QStringList list;
    for (const QJsonValue& value : array)
        list << value.toString();
    return list;
}

ReflectionContent load()
{
    ReflectionContent content;
    const QJsonObject states = readContent(QStringLiteral("states.json"));
    content.parentStates = readItems(states.value(QStringLiteral("parent")).toArray(), QStringLiteral("detail"));
    content.childStates = readItems(states.value(QStringLiteral("child")).toArray(), QStringLiteral("detail"));
    content.sources = readItems(states.value(QStringLiteral("source")).toArray(), QStringLiteral("detail"));

    for (const QJsonValue& value : readContent(QStringLiteral("feelings.json")).value(QStringLiteral("groups")).toArray()) {
        const QJsonObject group = value.toObject();
        content.feelings.push_back({group.value(QStringLiteral("key")).toString(), group.value(QStringLiteral("word")).toString(),
                                    readStrings(group.value(QStringLiteral("simple")).toArray()),
                                    readStrings(group.value(QStringLiteral("more")).toArray())});
    }
    for (const QJsonValue& value : readContent(QStringLiteral("unmet-needs.json")).value(QStringLiteral("groups")).toArray()) {
        const QJsonObject group = value.toObject();
        content.unmetNeeds.push_back({group.value(QStringLiteral("title")).toString(),
                                      readItems(group.value(QStringLiteral("items")).toArray(), QStringLiteral("gloss"))});
    }
    const QJsonObject skills = readContent(QStringLiteral("lagging-skills.json"));
    content.reframe = skills.value(QStringLiteral("reframe")).toString();
    content.laggingSkills = readItems(skills.value(QStringLiteral("skills")).toArray(), QStringLiteral("gloss"));

    const QJsonObject repair = readContent(QStringLiteral("repair-checklist.json"));
    content.repairIntro = repair.value(QStringLiteral("intro")).toString();
    content.repairSteps = readItems(repair.value(QStringLiteral("steps")).toArray(), QStringLiteral("detail"));
    content.repairNotReady = repair.value(QStringLiteral("not_ready")).toString();
    content.selfCompassion = readStrings(repair.value(QStringLiteral("self_compassion")).toArray());

    content.regulatingActions = readItems(readContent(QStringLiteral("regulating-actions.json")).value(QStringLiteral("actions")).toArray(),
                                          QStringLiteral("detail"));
    return content;
}

} // namespace

const ReflectionContent& ReflectionContent::shipped()
{
    static const ReflectionContent content = load();
    return content;
}

QString ReflectionContent::labelOf(const std::vector<PickItem>& items, const QString& key)
{
    for (const PickItem& item : items) {
        if (item.key == key)
            return item.label;
    }
    return key;
}

QString ReflectionContent::unmetNeedLabel(const QString& key) const
{
    for (const PickGroup& group : unmetNeeds) {
        for (const PickItem& item : group.items) {
            if (item.key == key)
                return item.label;
        }
    }
    return key;
}

QString ReflectionContent::feelingLabel(const QString& key) const
{
    for (const FeelingGroup& group : feelings) {
        const std::string groupKey = toStd(group.key);
        if (key == group.key)
            return group.word;
        for (const QStringList* words : {&group.simple, &group.more}) {
            for (const QString& word : *words) {
                if (toQString(core::feelingKey(groupKey, toStd(word))) == key)
                    return word;
            }
        }
    }
    return key;
}

} // namespace attune::gui
