-- Titles and headings of the search entries as their own small FTS5 index. When a query word
-- occurs in a large part of the main index, ranking every match with bm25 is too slow; the
-- best matches then come from this index (postings of a few words per entry instead of a
-- whole passage), see docs/decisions/402-search-dutch-and-ranking.md.
CREATE VIRTUAL TABLE `search_heads` USING fts5(
	title, section, title_stem,
	content = 'search_entries',
	content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3 4'
);
--> statement-breakpoint
INSERT INTO `search_heads`(`search_heads`) VALUES ('rebuild');
