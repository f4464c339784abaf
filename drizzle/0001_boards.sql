CREATE TABLE `boards` (
	`id` text PRIMARY KEY NOT NULL,
	`sprint_id` text NOT NULL,
	`title` text NOT NULL,
	`template` text NOT NULL,
	`archived_at` integer,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`sprint_id`) REFERENCES `sprints`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `boards_sprint_idx` ON `boards` (`sprint_id`);