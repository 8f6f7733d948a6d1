// SPDX-License-Identifier: MIT
// One read transaction held open: every read through the database in between sees the file as
// it was at the start, while another process (the app) goes on committing. attune-cli's
// read-only commands run inside one, so their numbers always add up.
#pragma once

namespace attune::core {

class Database;

class ReadSnapshot {
public:
    // Starts the read transaction and takes the snapshot at once. Throws StorageError.
    explicit ReadSnapshot(Database& db);
    ~ReadSnapshot(); // ends it; nothing was written inside it
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

private:
    Database& m_db;
};

} // namespace attune::core
