// SPDX-License-Identifier: MIT
// Caregivers, children and each child's co-regulation profile.
#pragma once

#include "attune/core/RecordHistory.h"
#include "attune/core/Types.h"

#include <string>
#include <vector>

namespace attune::core {

class Store;

class Family {
public:
    explicit Family(Store& store);

    // Caregivers. A new database holds one, "Me".
    std::vector<Caregiver> caregivers() const;
    Caregiver caregiver(Id id) const;
    Caregiver addCaregiver(const std::string& name);
    void renameCaregiver(Id id, const std::string& name);

    // Children, in sidebar order. Trashed children are never listed here.
    std::vector<ChildSummary> children(bool includeArchived = false) const;
    Child child(Id id) const; // throws StorageError(NotFound)
    Child addChild(const ChildDraft& draft);
    // Saves the fields that differ between `loaded` (as the form read them) and `edited`, and
    // nothing else; see RecordHistory.h for a field that changed in the file meanwhile.
    EditResult updateChild(Id id, const ChildDraft& loaded, const ChildDraft& edited);
    void setArchived(Id id, bool isArchived);
    // The care card's "In an emergency, call …" line, as the parent last typed it (trimmed;
    // empty when none). ValidationError ("emergency") over limits::kCareCardEmergencyMax
    // characters; nothing is stored then.
    std::string careCardEmergency(Id id) const;
    void setCareCardEmergency(Id id, const std::string& text);
    // Moves the child (and nothing else) to the trash; restoreChild() brings it back.
    void trashChild(Id id);
    void restoreChild(Id id);
    // Finds an active child by name, ignoring case of ASCII letters; 0 when none or several.
    Id findChildByName(const std::string& name) const;

    // Co-regulation profile.
    std::vector<CoregItem> coregItems(Id childId) const;
    CoregItem addCoregItem(Id childId, const std::string& category, const std::string& label,
                           CoregRating rating, const std::string& note = {});
    // Field by field like updateChild(): `loaded` is the item as the form read it.
    EditResult updateCoregItem(const CoregItem& loaded, CoregRating rating, const std::string& note);
    void trashCoregItem(Id itemId);
    void restoreCoregItem(Id itemId);

private:
    Store& m_store;
};

} // namespace attune::core
