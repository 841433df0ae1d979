CREATE TABLE `comment_replies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`draft_comment_id` integer,
	`proposal_comment_id` integer,
	`author_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`text` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`draft_comment_id`) REFERENCES `draft_comments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`proposal_comment_id`) REFERENCES `proposal_comments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `comment_replies_draft_idx` ON `comment_replies` (`draft_comment_id`);--> statement-breakpoint
CREATE INDEX `comment_replies_proposal_idx` ON `comment_replies` (`proposal_comment_id`);--> statement-breakpoint
CREATE TABLE `draft_comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`quote` text NOT NULL,
	`quote_prefix` text DEFAULT '' NOT NULL,
	`quote_suffix` text DEFAULT '' NOT NULL,
	`anchor_start` text,
	`anchor_end` text,
	`text` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`resolved_at` text,
	`resolved_by_id` integer,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `draft_comments_document_idx` ON `draft_comments` (`document_id`);--> statement-breakpoint
ALTER TABLE `proposal_comments` ADD `anchor_start` text;--> statement-breakpoint
ALTER TABLE `proposal_comments` ADD `anchor_end` text;--> statement-breakpoint
ALTER TABLE `proposal_comments` ADD `suggestion` text;--> statement-breakpoint
ALTER TABLE `proposal_comments` ADD `suggestion_applied_at` text;