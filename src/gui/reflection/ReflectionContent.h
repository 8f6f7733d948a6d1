// SPDX-License-Identifier: MIT
// The words of the reflection's pick-lists (states, feelings, unmet needs, lagging skills,
// repair checklist, regulating actions), read once from resources/content/. The core keeps
// only the keys; the labels and glosses the parent reads live here.
#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace attune::gui {

struct PickItem {
    QString key;
    QString label;
    QString detail; // a plain gloss or description; may be empty
};

struct FeelingGroup {
    QString key;
    QString word;          // the core word, e.g. "Mad"
    QStringList simple;    // words young children use
    QStringList more;      // finer words for older children and parents
};

struct PickGroup {
    QString title;
    std::vector<PickItem> items;
};

struct ReflectionContent {
    std::vector<PickItem> parentStates;
    std::vector<PickItem> childStates;
    std::vector<PickItem> sources;
    std::vector<FeelingGroup> feelings;
    std::vector<PickGroup> unmetNeeds;
    std::vector<PickItem> laggingSkills;
    QString reframe;
    QString repairIntro;
    std::vector<PickItem> repairSteps;
    QString repairNotReady;
    QStringList selfCompassion;
    std::vector<PickItem> regulatingActions;

    // Parsed from the compiled-in content files on first use.
    static const ReflectionContent& shipped();

    // The label of a key in a list, or the key itself when it is unknown.
    static QString labelOf(const std::vector<PickItem>& items, const QString& key);
    QString unmetNeedLabel(const QString& key) const;
    // "Mad", or "Mad: It's not fair" for a finer word.
    QString feelingLabel(const QString& key) const;
};

} // namespace attune::gui
