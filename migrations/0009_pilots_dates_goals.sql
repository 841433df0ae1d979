CREATE TABLE `evaluation_goal_answers` (
	`response_id` integer NOT NULL,
	`goal_id` integer NOT NULL,
	`text` text NOT NULL,
	PRIMARY KEY(`response_id`, `goal_id`),
	FOREIGN KEY (`response_id`) REFERENCES `evaluation_responses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`goal_id`) REFERENCES `proposal_goals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `goal_conclusions` (
	`goal_id` integer NOT NULL,
	`phase` text NOT NULL,
	`outcome` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`follow_up_proposal_id` integer,
	`decided_by_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`goal_id`, `phase`),
	FOREIGN KEY (`goal_id`) REFERENCES `proposal_goals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`follow_up_proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `proposal_goals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`proposal_id` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`improve` text NOT NULL,
	`for_whom` text NOT NULL,
	`measure` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `proposal_goals_proposal_idx` ON `proposal_goals` (`proposal_id`);--> statement-breakpoint
CREATE TABLE `proposal_unknown_dates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`proposal_id` integer NOT NULL,
	`field` text NOT NULL,
	`previous_value` text,
	`reason` text NOT NULL,
	`known_by` text NOT NULL,
	`set_by_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`resolved_at` text,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`set_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `proposal_unknown_dates_proposal_idx` ON `proposal_unknown_dates` (`proposal_id`);--> statement-breakpoint
ALTER TABLE `evaluation_responses` ADD `phase` text DEFAULT 'regulier' NOT NULL;--> statement-breakpoint
ALTER TABLE `proposals` ADD `pilot` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `proposals` ADD `pilot_scope` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `proposals` ADD `pilot_starts` text;--> statement-breakpoint
ALTER TABLE `proposals` ADD `pilot_ends` text;--> statement-breakpoint
ALTER TABLE `proposals` ADD `pilot_evaluation_date` text;--> statement-breakpoint
ALTER TABLE `proposals` ADD `pilot_result_opens` text;--> statement-breakpoint
ALTER TABLE `proposals` ADD `pilot_result_closes` text;