// What is stored in the search index, as a number. Bump it whenever a change means entries
// already in an index are wrong: a new or changed ACL token, a new kind or source, another
// field, other stems or tails (dutch.server.ts), another kind weight stored per entry. The
// portal stores the number with the index (FTS5: search_meta; Meilisearch: a small meta index)
// and rebuilds the index on start when it differs, so an upgrade needs no `npm run reindex`.
//
// 1  (none stored) the index as before issue 15's version check
// 2  irregular verb forms, keten-regisseur tokens, verkenningen/meetings/actions, margin comments
export const SEARCH_INDEX_VERSION = 2;
