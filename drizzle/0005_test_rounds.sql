CREATE TABLE `crisis_alerts` (
	`id` text PRIMARY KEY NOT NULL,
	`round_id` text NOT NULL,
	`categories` text NOT NULL,
	`seen_by` text,
	`seen_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `test_rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`seen_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `crisis_alerts_round_idx` ON `crisis_alerts` (`round_id`);--> statement-breakpoint
CREATE TABLE `idea_validations` (
	`id` text PRIMARY KEY NOT NULL,
	`round_id` text NOT NULL,
	`test_item_id` text NOT NULL,
	`validated` integer NOT NULL,
	`rule_verdict` text NOT NULL,
	`reason` text,
	`evidence` text NOT NULL,
	`decided_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `test_rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`test_item_id`) REFERENCES `test_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `idea_validations_item_idx` ON `idea_validations` (`test_item_id`);--> statement-breakpoint
CREATE TABLE `participants` (
	`id` text PRIMARY KEY NOT NULL,
	`round_id` text NOT NULL,
	`token_hash` blob NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`round_id`) REFERENCES `test_rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `participants_round_idx` ON `participants` (`round_id`);--> statement-breakpoint
CREATE TABLE `responses` (
	`id` text PRIMARY KEY NOT NULL,
	`round_id` text NOT NULL,
	`participant_id` text NOT NULL,
	`item_key` text NOT NULL,
	`question_id` text NOT NULL,
	`value` text,
	`flags` text,
	`moderation` text,
	`quote` integer DEFAULT false NOT NULL,
	`purged_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `test_rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `responses_answer_idx` ON `responses` (`participant_id`,`item_key`,`question_id`);--> statement-breakpoint
CREATE INDEX `responses_round_idx` ON `responses` (`round_id`);--> statement-breakpoint
CREATE TABLE `test_items` (
	`id` text PRIMARY KEY NOT NULL,
	`round_id` text NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`idea_selection_id` text,
	`board_id` text,
	`board_item_id` text,
	`text` text NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `test_rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`idea_selection_id`) REFERENCES `idea_selections`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `test_items_round_idx` ON `test_items` (`round_id`,`position`);--> statement-breakpoint
CREATE TABLE `test_rounds` (
	`id` text PRIMARY KEY NOT NULL,
	`sprint_id` text NOT NULL,
	`title` text NOT NULL,
	`code` text NOT NULL,
	`questions` text NOT NULL,
	`rule` text NOT NULL,
	`opens_at` integer NOT NULL,
	`closes_at` integer NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`sprint_id`) REFERENCES `sprints`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `test_rounds_code_unique` ON `test_rounds` (`code`);--> statement-breakpoint
CREATE INDEX `test_rounds_sprint_idx` ON `test_rounds` (`sprint_id`);--> statement-breakpoint
ALTER TABLE `coalitions` ADD `retention_days` integer DEFAULT 90 NOT NULL;