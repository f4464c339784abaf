CREATE TABLE `idea_selections` (
	`id` text PRIMARY KEY NOT NULL,
	`sprint_id` text NOT NULL,
	`board_id` text NOT NULL,
	`item_id` text NOT NULL,
	`text` text NOT NULL,
	`author_organisation` text NOT NULL,
	`selected_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`sprint_id`) REFERENCES `sprints`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`board_id`) REFERENCES `boards`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`selected_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `idea_selections_item_idx` ON `idea_selections` (`board_id`,`item_id`);--> statement-breakpoint
CREATE INDEX `idea_selections_sprint_idx` ON `idea_selections` (`sprint_id`);