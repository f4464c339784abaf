CREATE TABLE `sprint_takeovers` (
	`sprint_id` text PRIMARY KEY NOT NULL,
	`until` integer NOT NULL,
	`taken_by` text,
	FOREIGN KEY (`sprint_id`) REFERENCES `sprints`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`taken_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
