// SPDX-License-Identifier: MIT
#include "attune/core/Search.h"

#include "attune/core/Database.h"
#include "attune/core/Store.h"
#include "attune/core/Validation.h"
#include "search/SearchSync.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <spdlog/spdlog.h>

#include <string>
#include <unordered_map>

namespace attune::core {

namespace {

// More words than anyone types into a search box; keeps the FTS expression small.
constexpr std::size_t kMaxWords = 32;
// Words around a match in a snippet.
constexpr int kSnippetWords = 12;

// Spaces and control characters separate words (so a pasted NUL, tab or STX is just a gap).
bool isBreak(char c)
{
    const auto byte = static_cast<unsigned char>(c);
    return byte <= 0x20 || byte == 0x7F;
}

std::string asFtsString(const std::string& word)
{
    std::string out = "\"";
    for (const char c : word) {
        out += c;
        if (c == '"')
            out += '"';
    }
    out += '"';
    return out;
}

} // namespace

std::string ftsQueryFor(const std::string& typed)
{
    std::vector<std::string> words;
    std::string word;
    for (const char c : typed) {
        if (isBreak(c)) {
            if (!word.empty())
                words.push_back(std::move(word));
            word.clear();
        } else {
            word += c;
        }
    }
    // Still typing the last word: match it as a prefix.
    bool isLastOpen = !word.empty();
    if (isLastOpen)
        words.push_back(std::move(word));
    if (words.size() > kMaxWords) {
        words.resize(kMaxWords);
        isLastOpen = false;
    }
    // Every word is an FTS5 string, so AND, NEAR, *, ^, :, ( ) and - are plain text; the
    // words are joined by FTS5's implicit AND. A word with nothing to index (":)", "-") is an
    // empty phrase, which FTS5 leaves out of the AND.
    std::string query;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0)
            query += ' ';
        query += asFtsString(words[i]);
    }
    if (isLastOpen)
        query += '*';
    return query;
}

Search::Search(Store& store)
    : m_store(store)
{
}

std::vector<SearchHit> Search::find(const std::string& typed, Id childId, int limit) const
{
    const std::string query = ftsQueryFor(typed);
    if (query.empty() || limit <= 0)
        return {};
    Database& db = m_store.db();
    // Normally empty: every service syncs in its own transaction.
    if (detail::isSearchIndexBehind(db.sql()))
        db.write([&] { detail::syncSearchIndex(db.sql()); });

    // Rank first without snippets (cheap), then build snippets for the hits shown only. A lone
    // first letter matches most of the notebook; ranking thousands of rows for a parent who is
    // still typing is wasted frame time, so it lists the most recently written first, which
    // FTS5 can stop early on.
    const bool isFirstLetter = query.size() >= 4 && query.find(' ') == std::string::npos
                            && codePointCount(query.substr(1, query.size() - 3)) == 1;
    SQLite::Statement ranked(db.sql(),
                             std::string("SELECT d.kind, d.ref_id, d.owner_id, d.child_id, d.label, search_fts.rowid, "
                                         "search_fts.rank FROM search_fts "
                                         "CROSS JOIN search_docs d ON d.id = search_fts.rowid "
                                         "CROSS JOIN children c ON c.id = d.child_id "
                                         "WHERE search_fts MATCH ?1 AND c.deleted_at IS NULL "
                                         "AND (?2 = 0 OR d.child_id = ?2) ORDER BY ")
                                 + (isFirstLetter ? "search_fts.rowid DESC" : "search_fts.rank") + " LIMIT ?3");
    ranked.bind(1, query);
    ranked.bind(2, childId);
    ranked.bind(3, limit);
    std::vector<SearchHit> hits;
    std::vector<std::int64_t> rowids;
    while (ranked.executeStep()) {
        SearchHit hit;
        hit.kind = ranked.getColumn(0).getString();
        hit.refId = ranked.getColumn(1).getInt64();
        hit.ownerId = ranked.getColumn(2).getInt64();
        hit.childId = ranked.getColumn(3).getInt64();
        hit.label = ranked.getColumn(4).getString();
        rowids.push_back(ranked.getColumn(5).getInt64());
        hit.rank = ranked.getColumn(6).getDouble();
        hits.push_back(std::move(hit));
    }

    if (hits.empty())
        return hits;
    // All snippets in one pass over the matches: a MATCH per hit would re-read the index each
    // time (a one-letter prefix costs ~0.2 ms per query on the demo data). "+rowid" keeps
    // SQLite from turning the IN into one MATCH per row id.
    std::string idList = "[";
    for (std::size_t i = 0; i < rowids.size(); ++i)
        idList += (i > 0 ? "," : "") + std::to_string(rowids[i]);
    idList += "]";
    SQLite::Statement snippets(db.sql(), "SELECT rowid, snippet(search_fts, -1, char(2), char(3), ?3, ?4) "
                                         "FROM search_fts WHERE search_fts MATCH ?1 "
                                         "AND +rowid IN (SELECT value FROM json_each(?2))");
    snippets.bind(1, query);
    snippets.bind(2, idList);
    snippets.bind(3, kSnippetEllipsis);
    snippets.bind(4, kSnippetWords);
    std::unordered_map<std::int64_t, std::string> byRowid;
    while (snippets.executeStep())
        byRowid.emplace(snippets.getColumn(0).getInt64(), snippets.getColumn(1).getString());
    for (std::size_t i = 0; i < hits.size(); ++i)
        hits[i].snippet = std::move(byRowid[rowids[i]]);
    spdlog::debug("search: {} hits", hits.size());
    return hits;
}

void Search::rebuild()
{
    Database& db = m_store.db();
    db.write([&] {
        detail::queueFullSearchRebuild(db.sql());
        detail::syncSearchIndex(db.sql());
    });
    spdlog::info("search index rebuilt");
}

} // namespace attune::core
