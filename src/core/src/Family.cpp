// SPDX-License-Identifier: MIT
#include "attune/core/Family.h"

#include "attune/core/Database.h"
#include "attune/core/Dates.h"
#include "attune/core/Errors.h"
#include "attune/core/Store.h"
#include "attune/core/Validation.h"
#include "storage/FieldSave.h"
#include "storage/Rows.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>

namespace attune::core {

namespace {

// Calm colours for avatars when a parent has not picked one; chosen by position.
constexpr const char* kAvatarPalette[] = {"#6a8caf", "#c9846b", "#7fa37a", "#a98bc2", "#d0a441", "#5fa3a0"};

using detail::bindText;
using detail::readMeta;
using detail::requireChanged;
using detail::throwIfInvalid;

// SQLite binds are 1-based; columns are 0-based.
void bindBlob(SQLite::Statement& statement, int index, const std::string& bytes)
{
    if (bytes.empty())
        statement.bind(index); // NULL
    else
        statement.bind(index, bytes.data(), static_cast<int>(bytes.size()));
}

std::string lowerAscii(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

ChildDraft cleaned(const ChildDraft& draft)
{
    ChildDraft clean = draft;
    clean.name = trimmed(draft.name);
    clean.birthDate = trimmed(draft.birthDate);
    clean.pronouns = trimmed(draft.pronouns);
    return clean;
}

// The columns a parent edits, in one place for the field-level save.
detail::Columns columns(const ChildDraft& d)
{
    using detail::SqlValue;
    return {{"name", SqlValue::of(d.name)},
            {"birth_date", SqlValue::of(d.birthDate)},
            {"pronouns", SqlValue::of(d.pronouns)},
            {"goal_minutes", SqlValue::of(std::int64_t{d.goalMinutes})},
            {"avatar_color", SqlValue::of(d.avatarColor)},
            {"photo", SqlValue::ofBytes(d.photo)},
            {"birth_story", SqlValue::of(d.birthStory)}};
}

constexpr const char* kChildNotFound = "That child is no longer here. They may have been moved to the trash.";
constexpr const char* kItemNotFound = "That item is no longer here. It may have been moved to the trash.";

} // namespace

Family::Family(Store& store)
    : m_store(store)
{
}

std::vector<Caregiver> Family::caregivers() const
{
    SQLite::Statement query(m_store.db().sql(), "SELECT id, uuid, created_at, updated_at, updated_by, name "
                                                "FROM caregivers WHERE deleted_at IS NULL ORDER BY id");
    std::vector<Caregiver> result;
    while (query.executeStep())
        result.push_back({readMeta(query, 0), query.getColumn(5).getString()});
    return result;
}

Caregiver Family::caregiver(Id id) const
{
    SQLite::Statement query(m_store.db().sql(), "SELECT id, uuid, created_at, updated_at, updated_by, name "
                                                "FROM caregivers WHERE id = ? AND deleted_at IS NULL");
    query.bind(1, id);
    if (!query.executeStep())
        throw StorageError(StorageError::Kind::NotFound, "That caregiver is no longer here.");
    return {readMeta(query, 0), query.getColumn(5).getString()};
}

Caregiver Family::addCaregiver(const std::string& name)
{
    throwIfInvalid(validateCaregiverName(name));
    Id id = 0;
    m_store.db().write([&] {
        SQLite::Statement insert(m_store.db().sql(), "INSERT INTO caregivers (uuid, name, created_at, updated_at, "
                                                     "updated_by) VALUES (?, ?, ?, ?, ?)");
        const TimestampMs now = m_store.now();
        bindText(insert, 1, m_store.newUuid());
        bindText(insert, 2, trimmed(name));
        insert.bind(3, now);
        insert.bind(4, now);
        bindText(insert, 5, m_store.actor());
        insert.exec();
        id = m_store.db().sql().getLastInsertRowid();
    });
    spdlog::info("caregiver {} added", id);
    return caregiver(id);
}

void Family::renameCaregiver(Id id, const std::string& name)
{
    throwIfInvalid(validateCaregiverName(name));
    m_store.db().write([&] {
        SQLite::Statement update(m_store.db().sql(), "UPDATE caregivers SET name = ?, updated_at = ?, updated_by = ? "
                                                     "WHERE id = ? AND deleted_at IS NULL");
        bindText(update, 1, trimmed(name));
        update.bind(2, m_store.now());
        bindText(update, 3, m_store.actor());
        update.bind(4, id);
        update.exec();
        requireChanged(m_store.db().sql(), "That caregiver is no longer here.");
    });
    spdlog::info("caregiver {} renamed", id);
}

std::vector<ChildSummary> Family::children(bool includeArchived) const
{
    SQLite::Statement query(m_store.db().sql(),
                            "SELECT id, name, avatar_color, photo IS NOT NULL, archived_at IS NOT NULL, goal_minutes, "
                            "birth_date FROM children WHERE deleted_at IS NULL AND (? OR archived_at IS NULL) "
                            "ORDER BY sort_order, id");
    query.bind(1, includeArchived ? 1 : 0);
    std::vector<ChildSummary> result;
    while (query.executeStep()) {
        ChildSummary child;
        child.id = query.getColumn(0).getInt64();
        child.name = query.getColumn(1).getString();
        child.avatarColor = query.getColumn(2).getString();
        child.hasPhoto = query.getColumn(3).getInt() != 0;
        child.isArchived = query.getColumn(4).getInt() != 0;
        child.goalMinutes = query.getColumn(5).getInt();
        child.birthDate = query.getColumn(6).getString();
        result.push_back(std::move(child));
    }
    return result;
}

Child Family::child(Id id) const
{
    SQLite::Statement query(m_store.db().sql(),
                            "SELECT id, uuid, created_at, updated_at, updated_by, name, birth_date, pronouns, "
                            "goal_minutes, avatar_color, photo, birth_story, sort_order, archived_at IS NOT NULL "
                            "FROM children WHERE id = ? AND deleted_at IS NULL");
    query.bind(1, id);
    if (!query.executeStep())
        throw StorageError(StorageError::Kind::NotFound, kChildNotFound);
    Child child;
    child.meta = readMeta(query, 0);
    child.data.name = query.getColumn(5).getString();
    child.data.birthDate = query.getColumn(6).getString();
    child.data.pronouns = query.getColumn(7).getString();
    child.data.goalMinutes = query.getColumn(8).getInt();
    child.data.avatarColor = query.getColumn(9).getString();
    child.data.photo = query.getColumn(10).getString(); // blob bytes, length-aware
    child.data.birthStory = query.getColumn(11).getString();
    child.sortOrder = query.getColumn(12).getInt();
    child.isArchived = query.getColumn(13).getInt() != 0;
    return child;
}

Child Family::addChild(const ChildDraft& draft)
{
    ChildDraft clean = cleaned(draft);
    throwIfInvalid(validateChild(clean, m_store.clock().today()));
    Id id = 0;
    m_store.db().write([&] {
        SQLite::Database& db = m_store.db().sql();
        const int order = db.execAndGet("SELECT coalesce(max(sort_order), -1) + 1 FROM children").getInt();
        if (clean.avatarColor.empty())
            clean.avatarColor = kAvatarPalette[order % std::size(kAvatarPalette)];
        SQLite::Statement insert(db, "INSERT INTO children (uuid, name, birth_date, pronouns, goal_minutes, "
                                     "avatar_color, photo, birth_story, sort_order, created_at, updated_at, "
                                     "updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        const TimestampMs now = m_store.now();
        bindText(insert, 1, m_store.newUuid());
        bindText(insert, 2, clean.name);
        bindText(insert, 3, clean.birthDate);
        bindText(insert, 4, clean.pronouns);
        insert.bind(5, clean.goalMinutes);
        bindText(insert, 6, clean.avatarColor);
        bindBlob(insert, 7, clean.photo);
        bindText(insert, 8, clean.birthStory);
        insert.bind(9, order);
        insert.bind(10, now);
        insert.bind(11, now);
        bindText(insert, 12, m_store.actor());
        insert.exec();
        id = db.getLastInsertRowid();
    });
    spdlog::info("child {} added", id);
    return child(id);
}

EditResult Family::updateChild(Id id, const ChildDraft& loaded, const ChildDraft& edited)
{
    const ChildDraft before = cleaned(loaded);
    ChildDraft clean = cleaned(edited);
    if (clean.avatarColor.empty())
        clean.avatarColor = before.avatarColor; // no colour chosen keeps the one it has
    throwIfInvalid(validateChild(clean, m_store.clock().today()));
    EditResult result;
    m_store.db().write([&] {
        result = detail::saveFields(m_store, "children", id, columns(loaded), columns(before), columns(clean),
                                    kChildNotFound);
    });
    spdlog::info("child {} {}", id, result.isWritten ? "updated" : "saved unchanged");
    return result;
}

void Family::setArchived(Id id, bool isArchived)
{
    m_store.db().write([&] {
        SQLite::Database& db = m_store.db().sql();
        SQLite::Statement update(db, "UPDATE children SET archived_at = ?, updated_at = ?, updated_by = ? "
                                     "WHERE id = ? AND deleted_at IS NULL");
        const TimestampMs now = m_store.now();
        if (isArchived)
            update.bind(1, now);
        else
            update.bind(1);
        update.bind(2, now);
        bindText(update, 3, m_store.actor());
        update.bind(4, id);
        update.exec();
        requireChanged(db, kChildNotFound);
    });
    spdlog::info("child {} {}", id, isArchived ? "archived" : "unarchived");
}

std::string Family::careCardEmergency(Id id) const
{
    SQLite::Statement query(m_store.db().sql(),
                            "SELECT care_card_emergency FROM children WHERE id = ? AND deleted_at IS NULL");
    query.bind(1, id);
    if (!query.executeStep())
        throw StorageError(StorageError::Kind::NotFound, kChildNotFound);
    return query.getColumn(0).getString();
}

void Family::setCareCardEmergency(Id id, const std::string& text)
{
    throwIfInvalid(validateCareCardEmergency(text));
    const std::string clean = trimmed(text);
    m_store.db().write([&] {
        SQLite::Database& db = m_store.db().sql();
        SQLite::Statement update(db, "UPDATE children SET care_card_emergency = ?, updated_at = ?, updated_by = ? "
                                     "WHERE id = ? AND deleted_at IS NULL");
        bindText(update, 1, clean);
        update.bind(2, m_store.now());
        bindText(update, 3, m_store.actor());
        update.bind(4, id);
        update.exec();
        requireChanged(db, kChildNotFound);
    });
    spdlog::info("care card emergency line saved for child {}", id);
}

void Family::trashChild(Id id)
{
    detail::setDeleted(m_store, "children", id, true, kChildNotFound);
    spdlog::info("child {} moved to trash", id);
}

void Family::restoreChild(Id id)
{
    detail::setDeleted(m_store, "children", id, false, kChildNotFound);
    spdlog::info("child {} restored", id);
}

Id Family::findChildByName(const std::string& name) const
{
    const std::string wanted = lowerAscii(trimmed(name));
    Id found = 0;
    for (const auto& child : children(true)) {
        if (lowerAscii(child.name) == wanted) {
            if (found != 0)
                return 0; // ambiguous
            found = child.id;
        }
    }
    return found;
}

std::vector<CoregItem> Family::coregItems(Id childId) const
{
    SQLite::Statement query(m_store.db().sql(),
                            "SELECT id, uuid, created_at, updated_at, updated_by, child_id, category, label, rating, "
                            "note, sort_order FROM coreg_items WHERE child_id = ? AND deleted_at IS NULL "
                            "ORDER BY category, sort_order, id");
    query.bind(1, childId);
    std::vector<CoregItem> result;
    while (query.executeStep()) {
        CoregItem item;
        item.meta = readMeta(query, 0);
        item.childId = query.getColumn(5).getInt64();
        item.category = query.getColumn(6).getString();
        item.label = query.getColumn(7).getString();
        item.rating = coregRatingFromString(query.getColumn(8).getString()).value_or(CoregRating::Neutral);
        item.note = query.getColumn(9).getString();
        item.sortOrder = query.getColumn(10).getInt();
        result.push_back(std::move(item));
    }
    return result;
}

CoregItem Family::addCoregItem(Id childId, const std::string& category, const std::string& label, CoregRating rating,
                               const std::string& note)
{
    throwIfInvalid(validateCoregItem(category, label, note));
    Id id = 0;
    m_store.db().write([&] {
        SQLite::Database& db = m_store.db().sql();
        SQLite::Statement exists(db, "SELECT 1 FROM children WHERE id = ? AND deleted_at IS NULL");
        exists.bind(1, childId);
        if (!exists.executeStep())
            throw StorageError(StorageError::Kind::NotFound, kChildNotFound);
        SQLite::Statement order(db, "SELECT coalesce(max(sort_order), -1) + 1 FROM coreg_items "
                                    "WHERE child_id = ? AND category = ?");
        order.bind(1, childId);
        bindText(order, 2, trimmed(category));
        order.executeStep();
        SQLite::Statement insert(db, "INSERT INTO coreg_items (uuid, child_id, category, label, rating, note, "
                                     "sort_order, created_at, updated_at, updated_by) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        const TimestampMs now = m_store.now();
        bindText(insert, 1, m_store.newUuid());
        insert.bind(2, childId);
        bindText(insert, 3, trimmed(category));
        bindText(insert, 4, trimmed(label));
        bindText(insert, 5, toString(rating));
        bindText(insert, 6, note);
        insert.bind(7, order.getColumn(0).getInt());
        insert.bind(8, now);
        insert.bind(9, now);
        bindText(insert, 10, m_store.actor());
        insert.exec();
        id = db.getLastInsertRowid();
    });
    spdlog::info("co-regulation item {} added for child {}", id, childId);
    for (auto& item : coregItems(childId)) {
        if (item.meta.id == id)
            return item;
    }
    throw StorageError(StorageError::Kind::NotFound, kItemNotFound);
}

EditResult Family::updateCoregItem(const CoregItem& loaded, CoregRating rating, const std::string& note)
{
    if (note.size() > limits::kLongTextMax)
        throw ValidationError(std::vector<FieldError>{{"note", "This note is longer than Attune can keep (1 MB). Please shorten it."}});
    using detail::SqlValue;
    const detail::Columns before = {{"rating", SqlValue::of(toString(loaded.rating))}, {"note", SqlValue::of(loaded.note)}};
    const detail::Columns edited = {{"rating", SqlValue::of(toString(rating))}, {"note", SqlValue::of(note)}};
    EditResult result;
    m_store.db().write([&] {
        result = detail::saveFields(m_store, "coreg_items", loaded.meta.id, before, before, edited, kItemNotFound);
    });
    spdlog::debug("co-regulation item {} saved", loaded.meta.id);
    return result;
}

void Family::trashCoregItem(Id itemId)
{
    detail::setDeleted(m_store, "coreg_items", itemId, true, kItemNotFound);
    spdlog::info("co-regulation item {} moved to trash", itemId);
}

void Family::restoreCoregItem(Id itemId)
{
    detail::setDeleted(m_store, "coreg_items", itemId, false, kItemNotFound);
    spdlog::info("co-regulation item {} restored", itemId);
}

} // namespace attune::core
