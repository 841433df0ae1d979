CREATE TABLE `opdracht_ketens` (
	`opdracht_id` integer NOT NULL,
	`keten_id` integer NOT NULL,
	PRIMARY KEY(`opdracht_id`, `keten_id`),
	FOREIGN KEY (`opdracht_id`) REFERENCES `opdrachten`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`keten_id`) REFERENCES `ketens`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `opdracht_organisations` (
	`opdracht_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	PRIMARY KEY(`opdracht_id`, `organisation_id`),
	FOREIGN KEY (`opdracht_id`) REFERENCES `opdrachten`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `opdracht_organisations_org_idx` ON `opdracht_organisations` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `opdracht_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`opdracht_id` integer NOT NULL,
	`due_date` text NOT NULL,
	`title` text NOT NULL,
	`received_at` text,
	`received_by_id` integer,
	`feedback` text DEFAULT '' NOT NULL,
	`feedback_at` text,
	`feedback_by_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`opdracht_id`) REFERENCES `opdrachten`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`received_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`feedback_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `opdracht_reports_due_idx` ON `opdracht_reports` (`opdracht_id`,`due_date`);--> statement-breakpoint
CREATE TABLE `opdracht_themas` (
	`opdracht_id` integer NOT NULL,
	`thema_id` integer NOT NULL,
	PRIMARY KEY(`opdracht_id`, `thema_id`),
	FOREIGN KEY (`opdracht_id`) REFERENCES `opdrachten`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`thema_id`) REFERENCES `themas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `opdrachten` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`purpose` text NOT NULL,
	`requested_by` text NOT NULL,
	`owner_id` integer NOT NULL,
	`budget` integer,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`evaluation_date` text,
	`indicators` text DEFAULT '' NOT NULL,
	`visie_document_id` integer,
	`visie_anchor` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'voorgesteld' NOT NULL,
	`route` text DEFAULT 'via_toets' NOT NULL,
	`status_note` text DEFAULT '' NOT NULL,
	`toets_outcome` text,
	`toets_note` text DEFAULT '' NOT NULL,
	`toets_by_id` integer,
	`toets_at` text,
	`created_by_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`visie_document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`toets_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `opdrachten_status_idx` ON `opdrachten` (`status`,`start_date`);