CREATE TABLE `change_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`proposal_id` integer NOT NULL,
	`target_type` text NOT NULL,
	`target_id` integer NOT NULL,
	`created_by_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `change_links_unique` ON `change_links` (`proposal_id`,`target_type`,`target_id`);--> statement-breakpoint
CREATE TABLE `integral_checks` (
	`proposal_id` integer PRIMARY KEY NOT NULL,
	`deadline` text NOT NULL,
	`override_reason` text DEFAULT '' NOT NULL,
	`override_by_id` integer,
	`override_at` text,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`override_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `keten_checks` (
	`proposal_id` integer NOT NULL,
	`keten_id` integer NOT NULL,
	`touches` integer NOT NULL,
	`organisation_ids` text DEFAULT '[]' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`by_id` integer,
	`at` text NOT NULL,
	PRIMARY KEY(`proposal_id`, `keten_id`),
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`keten_id`) REFERENCES `ketens`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `verkenning_answers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`verkenning_id` integer NOT NULL,
	`question_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`text` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`verkenning_id`) REFERENCES `verkenningen`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_id`) REFERENCES `verkenning_questions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `verkenning_answers_idx` ON `verkenning_answers` (`verkenning_id`,`question_id`);--> statement-breakpoint
CREATE TABLE `verkenning_invitations` (
	`verkenning_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`invited_at` text NOT NULL,
	`opened_at` text,
	`responded_at` text,
	PRIMARY KEY(`verkenning_id`, `person_id`),
	FOREIGN KEY (`verkenning_id`) REFERENCES `verkenningen`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `verkenning_organisations` (
	`verkenning_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	PRIMARY KEY(`verkenning_id`, `organisation_id`),
	FOREIGN KEY (`verkenning_id`) REFERENCES `verkenningen`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `verkenning_questions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`verkenning_id` integer NOT NULL,
	`position` integer NOT NULL,
	`text` text NOT NULL,
	FOREIGN KEY (`verkenning_id`) REFERENCES `verkenningen`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `verkenning_questions_idx` ON `verkenning_questions` (`verkenning_id`,`position`);--> statement-breakpoint
CREATE TABLE `verkenning_signals` (
	`verkenning_id` integer NOT NULL,
	`signal_id` integer NOT NULL,
	PRIMARY KEY(`verkenning_id`, `signal_id`),
	FOREIGN KEY (`verkenning_id`) REFERENCES `verkenningen`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`signal_id`) REFERENCES `signals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `verkenningen` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`keten_id` integer NOT NULL,
	`title` text NOT NULL,
	`problem` text NOT NULL,
	`knowledge` text DEFAULT '' NOT NULL,
	`reaction_deadline` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`closed_reason` text DEFAULT '' NOT NULL,
	`proposal_id` integer,
	`created_by_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`closed_at` text,
	FOREIGN KEY (`keten_id`) REFERENCES `ketens`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
