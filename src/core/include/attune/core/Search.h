// SPDX-License-Identifier: MIT
// Full-text search over everything a parent wrote (SQLite FTS5), ranked, with highlighted
// snippets. Whatever a parent types is searched as plain words: it never causes an error.
//
// One index serves every feature: a document is (kind, ref id) — "entry" and "evidence" from the
// notebook, "session" for a one-on-one session's activity, note and marvel. Another kind adds a
// source query in src/core/src/search/SearchSync.cpp plus triggers on its table (a migration).
#pragma once

#include "attune/core/Types.h"

#include <string>
#include <vector>

namespace attune::core {

class Store;

// A snippet marks each matched word as kMatchStart + word + kMatchEnd (STX / ETX control
// characters, which the index strips from stored text so they never appear otherwise).
inline constexpr char kMatchStart = '\x02';
inline constexpr char kMatchEnd = '\x03';
inline constexpr const char* kSnippetEllipsis = "…";

namespace search_kind {
inline constexpr const char* kEntry = "entry";       // refId = ownerId = notebook entry id
inline constexpr const char* kEvidence = "evidence"; // refId = evidence line id, ownerId = its entry
inline constexpr const char* kSession = "session";   // refId = ownerId = session id; label = its day
} // namespace search_kind

struct SearchHit {
    std::string kind;  // a search_kind value
    Id refId = 0;      // the record that matched
    Id ownerId = 0;    // the record to open for it (the notebook entry for both notebook kinds)
    Id childId = 0;
    std::string label; // plain heading for the hit (the entry's title)
    std::string snippet; // a few words around the match, matches between kMatchStart/kMatchEnd
    double rank = 0;   // bm25: lower is a better match; hits come best first
};

class Search {
public:
    explicit Search(Store& store);
    // `childId` 0 searches every child. Trashed records and trashed children never appear.
    // An empty or blank query finds nothing. Hits come best match first, except for a lone
    // first letter ("l"), which lists the most recently written matches first: ranking most
    // of the notebook for one keystroke would cost a frame for nothing.
    std::vector<SearchHit> find(const std::string& typed, Id childId = 0, int limit = 50) const;
    // Rebuilds the whole index from the records (after an import, or to repair it).
    void rebuild();

private:
    Store& m_store;
};

// The FTS5 query for what a parent typed: every word quoted as plain text (double quotes
// doubled), joined by AND, and the last word a prefix unless the text ends with a space.
// Empty when there is nothing to search. Public for tests.
std::string ftsQueryFor(const std::string& typed);

} // namespace attune::core
