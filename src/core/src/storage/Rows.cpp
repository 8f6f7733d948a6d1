// SPDX-License-Identifier: MIT
#include "storage/Rows.h"

#include "attune/core/Database.h"
#include "attune/core/Store.h"

namespace attune::core::detail {

void setDeleted(Store& store, const char* table, Id id, bool isDeleted, const char* notFound)
{
    store.db().write([&] {
        SQLite::Database& db = store.db().sql();
        SQLite::Statement update(db, std::string("UPDATE ") + table
                                         + " SET deleted_at = ?, updated_at = ?, updated_by = ? WHERE id = ? AND "
                                         + (isDeleted ? "deleted_at IS NULL" : "deleted_at IS NOT NULL"));
        const TimestampMs now = store.now();
        if (isDeleted)
            update.bind(1, now);
        else
            update.bind(1);
        update.bind(2, now);
        update.bind(3, store.actor());
        update.bind(4, id);
        update.exec();
        requireChanged(db, notFound);
    });
}

} // namespace attune::core::detail
