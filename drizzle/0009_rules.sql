CREATE TABLE `api_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`coalition_id` text NOT NULL,
	`name` text NOT NULL,
	`secret_hash` blob NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`revoked_at` integer,
	`last_used_at` integer,
	FOREIGN KEY (`coalition_id`) REFERENCES `coalitions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `api_tokens_coalition_idx` ON `api_tokens` (`coalition_id`);--> statement-breakpoint
CREATE TABLE `rule_approval_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`rule_set_id` text NOT NULL,
	`candidate` text NOT NULL,
	`requested_by` text,
	`requested_by_name` text NOT NULL,
	`organisation_id` text,
	`min_approvals` integer NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`closed_at` integer,
	FOREIGN KEY (`rule_set_id`) REFERENCES `rule_sets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `rule_requests_set_idx` ON `rule_approval_requests` (`rule_set_id`);--> statement-breakpoint
CREATE TABLE `rule_approvals` (
	`id` text PRIMARY KEY NOT NULL,
	`request_id` text NOT NULL,
	`user_id` text,
	`user_name` text NOT NULL,
	`organisation_id` text NOT NULL,
	`organisation_name` text NOT NULL,
	`decision` text NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `rule_approval_requests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rule_approvals_person_idx` ON `rule_approvals` (`request_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `rule_audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`coalition_id` text NOT NULL,
	`rule_set_id` text,
	`user_id` text,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`detail` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `rule_audit_set_idx` ON `rule_audit_log` (`rule_set_id`,`id`);--> statement-breakpoint
CREATE INDEX `rule_audit_coalition_idx` ON `rule_audit_log` (`coalition_id`,`id`);--> statement-breakpoint
CREATE TABLE `rule_fields` (
	`id` text PRIMARY KEY NOT NULL,
	`coalition_id` text NOT NULL,
	`key` text NOT NULL,
	`label` text NOT NULL,
	`type` text NOT NULL,
	`values` text,
	`unit` text DEFAULT '' NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`sensitivity` text DEFAULT 'normal' NOT NULL,
	`justification` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`coalition_id`) REFERENCES `coalitions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rule_fields_key_idx` ON `rule_fields` (`coalition_id`,`key`);--> statement-breakpoint
CREATE TABLE `rule_sets` (
	`id` text PRIMARY KEY NOT NULL,
	`coalition_id` text NOT NULL,
	`sprint_id` text NOT NULL,
	`name` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`coalition_id`) REFERENCES `coalitions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`sprint_id`) REFERENCES `sprints`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `rule_sets_sprint_idx` ON `rule_sets` (`sprint_id`);--> statement-breakpoint
CREATE INDEX `rule_sets_coalition_idx` ON `rule_sets` (`coalition_id`);--> statement-breakpoint
CREATE TABLE `rule_settings` (
	`coalition_id` text PRIMARY KEY NOT NULL,
	`min_approvals` integer DEFAULT 2 NOT NULL,
	FOREIGN KEY (`coalition_id`) REFERENCES `coalitions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `rule_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`rule_set_id` text NOT NULL,
	`number` integer NOT NULL,
	`definition` text NOT NULL,
	`request_id` text,
	`author_name` text NOT NULL,
	`published_by` text,
	`published_at` integer NOT NULL,
	FOREIGN KEY (`rule_set_id`) REFERENCES `rule_sets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`request_id`) REFERENCES `rule_approval_requests`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`published_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rule_versions_number_idx` ON `rule_versions` (`rule_set_id`,`number`);