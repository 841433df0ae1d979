CREATE TABLE `actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`overleg_id` integer NOT NULL,
	`meeting_id` integer,
	`decision_id` integer,
	`signal_id` integer,
	`title` text NOT NULL,
	`owner_person_id` integer,
	`owner_organisation_id` integer,
	`due_date` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_by_id` integer,
	`done_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`overleg_id`) REFERENCES `overleggen`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`decision_id`) REFERENCES `decisions`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`signal_id`) REFERENCES `signals`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`owner_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `actions_overleg_idx` ON `actions` (`overleg_id`,`status`);--> statement-breakpoint
CREATE TABLE `agenda_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`title` text NOT NULL,
	`target_kind` text,
	`target_id` integer,
	`note` text DEFAULT '' NOT NULL,
	`carried_action_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `agenda_items_meeting_idx` ON `agenda_items` (`meeting_id`,`position`);--> statement-breakpoint
CREATE UNIQUE INDEX `agenda_items_carried` ON `agenda_items` (`meeting_id`,`carried_action_id`);--> statement-breakpoint
CREATE TABLE `decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`overleg_id` integer NOT NULL,
	`meeting_id` integer NOT NULL,
	`agenda_item_id` integer,
	`text` text NOT NULL,
	`decided_by` text NOT NULL,
	`decided_on` text NOT NULL,
	`created_by_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`overleg_id`) REFERENCES `overleggen`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `decisions_overleg_idx` ON `decisions` (`overleg_id`);--> statement-breakpoint
CREATE TABLE `keten_regie` (
	`keten_id` integer PRIMARY KEY NOT NULL,
	`deputy_id` integer,
	`stand_in` integer DEFAULT false NOT NULL,
	`escalation_person_id` integer,
	FOREIGN KEY (`keten_id`) REFERENCES `ketens`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`deputy_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`escalation_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `keten_roles` (
	`keten_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`role` text NOT NULL,
	`expectations` text DEFAULT '' NOT NULL,
	`content_decider` text DEFAULT '' NOT NULL,
	`capacity_decider` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`keten_id`, `organisation_id`),
	FOREIGN KEY (`keten_id`) REFERENCES `ketens`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `keten_wijk_contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`keten_id` integer NOT NULL,
	`wijk_id` integer NOT NULL,
	`role` text NOT NULL,
	`person_id` integer,
	`name` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`keten_id`) REFERENCES `ketens`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`wijk_id`) REFERENCES `wijken`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`overleg_id` integer NOT NULL,
	`date` text NOT NULL,
	`start_time` text DEFAULT '10:00' NOT NULL,
	`end_time` text DEFAULT '11:30' NOT NULL,
	`location` text DEFAULT '' NOT NULL,
	`sequence` integer DEFAULT 0 NOT NULL,
	`agenda_sent_at` text,
	`minutes_sent_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`overleg_id`) REFERENCES `overleggen`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `meetings_overleg_idx` ON `meetings` (`overleg_id`,`date`);--> statement-breakpoint
CREATE TABLE `overleg_organisations` (
	`overleg_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	PRIMARY KEY(`overleg_id`, `organisation_id`),
	FOREIGN KEY (`overleg_id`) REFERENCES `overleggen`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `overleg_people` (
	`overleg_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	PRIMARY KEY(`overleg_id`, `person_id`),
	FOREIGN KEY (`overleg_id`) REFERENCES `overleggen`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `overleg_reminders` (
	`key` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` integer NOT NULL,
	`sent_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `overleggen` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`keten_id` integer NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`chair_id` integer,
	`rhythm` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`keten_id`) REFERENCES `ketens`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`chair_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `register_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`keten_id` integer NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`source` text DEFAULT 'overleg' NOT NULL,
	`signal_id` integer,
	`priority` text,
	`oko_action_id` integer,
	`status` text DEFAULT 'nieuw' NOT NULL,
	`outcome` text DEFAULT '' NOT NULL,
	`created_by_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`keten_id`) REFERENCES `ketens`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signal_id`) REFERENCES `signals`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`oko_action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `register_items_keten_idx` ON `register_items` (`keten_id`);