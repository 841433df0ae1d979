CREATE TABLE `search_queries` (
	`query` text PRIMARY KEY NOT NULL,
	`searches` integer DEFAULT 0 NOT NULL,
	`zero_results` integer DEFAULT 0 NOT NULL,
	`clicks` integer DEFAULT 0 NOT NULL,
	`last_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `search_synonyms` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`terms` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
-- Covering index for the kind weight in ranking (issue 15): ranking joins every matching row
-- to its kind, and the entry rows themselves are large (title, body, stems).
CREATE INDEX `search_entries_kind` ON `search_entries` (`id`, `kind`, `key`);
