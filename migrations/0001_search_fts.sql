-- Search index of the embedded provider (SQLite FTS5). Hand-written: drizzle cannot declare
-- virtual tables. Only the search feature reads or writes these tables; the index is derived
-- data and can always be rebuilt from the database with `npm run reindex`.
--
-- search_entries holds one row per findable passage/item; search_fts indexes it as an
-- external-content FTS5 table (rowid = search_entries.id) so the text is stored once.
-- Access facts (ACL tokens) and facet values live in their own tables, so permission and
-- facet filters run inside the same SQL query as the MATCH: nothing is filtered afterwards.
CREATE TABLE `search_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`entity_key` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`section` text DEFAULT '' NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`title_stem` text DEFAULT '' NOT NULL,
	`body_stem` text DEFAULT '' NOT NULL,
	`tails` text DEFAULT '' NOT NULL,
	`url` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`updated_at` text NOT NULL,
	`data` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `search_entries_key` ON `search_entries` (`key`);
--> statement-breakpoint
CREATE INDEX `search_entries_entity` ON `search_entries` (`entity_key`);
--> statement-breakpoint
CREATE TABLE `search_acl` (
	`entry_id` integer NOT NULL REFERENCES `search_entries`(`id`) ON DELETE CASCADE,
	`token` text NOT NULL,
	PRIMARY KEY (`entry_id`, `token`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `search_acl_token` ON `search_acl` (`token`, `entry_id`);
--> statement-breakpoint
CREATE TABLE `search_facets` (
	`entry_id` integer NOT NULL REFERENCES `search_entries`(`id`) ON DELETE CASCADE,
	`facet` text NOT NULL,
	`value` text NOT NULL,
	PRIMARY KEY (`entry_id`, `facet`, `value`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `search_facets_value` ON `search_facets` (`facet`, `value`, `entry_id`);
--> statement-breakpoint
CREATE TABLE `search_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
-- unicode61 + remove_diacritics 2: "coördinatie" and "coordinatie" are the same token.
-- prefix indexes make search-as-you-type ("afspr*") an index lookup instead of a scan.
-- title_stem/body_stem hold Dutch Snowball stems (afspraak/afspraken → afsprak); tails holds
-- reversed stems of long words, so a prefix query on it finds compound tails
-- ("afspraak" in "werkafspraken").
CREATE VIRTUAL TABLE `search_fts` USING fts5(
	title, section, body, title_stem, body_stem, tails,
	content = 'search_entries',
	content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3 4'
);
--> statement-breakpoint
-- The index vocabulary per column: the typo fallback looks up one-edit variants of a query
-- word here, so "afspaak" is corrected to a word that really occurs in the index.
CREATE VIRTUAL TABLE `search_vocab` USING fts5vocab(`search_fts`, 'col');
