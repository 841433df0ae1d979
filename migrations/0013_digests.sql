CREATE TABLE `digest_queue` (
	`notification_id` integer PRIMARY KEY NOT NULL,
	`person_id` integer NOT NULL,
	`period` text NOT NULL,
	`digest_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`notification_id`) REFERENCES `notifications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`digest_id`) REFERENCES `digests_sent`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `digest_queue_pending_idx` ON `digest_queue` (`period`,`digest_id`,`person_id`);--> statement-breakpoint
CREATE TABLE `digests_sent` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`period` text NOT NULL,
	`period_key` text NOT NULL,
	`email_id` integer,
	`items` integer NOT NULL,
	`sent_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`email_id`) REFERENCES `emails`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `digests_sent_once_idx` ON `digests_sent` (`person_id`,`period`,`period_key`);--> statement-breakpoint
CREATE TABLE `notice_preferences` (
	`person_id` integer NOT NULL,
	`category` text NOT NULL,
	`delivery` text NOT NULL,
	PRIMARY KEY(`person_id`, `category`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `person_visits` (
	`person_id` integer PRIMARY KEY NOT NULL,
	`last_seen_at` text NOT NULL,
	`previous_seen_at` text,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
