CREATE TABLE `agenda_blocks` (
	`id` text PRIMARY KEY NOT NULL,
	`sprint_id` text NOT NULL,
	`day` integer NOT NULL,
	`start` integer NOT NULL,
	`duration` integer NOT NULL,
	`title` text NOT NULL,
	`activity` text NOT NULL,
	`resource_kind` text,
	`resource_id` text,
	`instructions` text DEFAULT '' NOT NULL,
	`materials` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`sprint_id`) REFERENCES `sprints`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `agenda_blocks_sprint_idx` ON `agenda_blocks` (`sprint_id`,`day`,`start`);--> statement-breakpoint
CREATE TABLE `sprint_timers` (
	`sprint_id` text PRIMARY KEY NOT NULL,
	`state` text NOT NULL,
	`label` text DEFAULT '' NOT NULL,
	`updated_by` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`sprint_id`) REFERENCES `sprints`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
