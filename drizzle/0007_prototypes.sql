CREATE TABLE `prototype_images` (
	`id` text PRIMARY KEY NOT NULL,
	`prototype_id` text NOT NULL,
	`mime` text NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`bytes` blob NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`prototype_id`) REFERENCES `prototypes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `prototype_images_prototype_idx` ON `prototype_images` (`prototype_id`);--> statement-breakpoint
CREATE TABLE `prototype_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`prototype_id` text NOT NULL,
	`number` integer NOT NULL,
	`name` text NOT NULL,
	`snapshot` text NOT NULL,
	`created_by` text,
	`author_name` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`prototype_id`) REFERENCES `prototypes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `prototype_versions_number_idx` ON `prototype_versions` (`prototype_id`,`number`);--> statement-breakpoint
CREATE TABLE `prototypes` (
	`id` text PRIMARY KEY NOT NULL,
	`sprint_id` text NOT NULL,
	`name` text NOT NULL,
	`device` text NOT NULL,
	`audience` text NOT NULL,
	`template` text DEFAULT 'blank' NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`sprint_id`) REFERENCES `sprints`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `prototypes_sprint_idx` ON `prototypes` (`sprint_id`);