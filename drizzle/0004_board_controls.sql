ALTER TABLE `boards` ADD `locked` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `boards` ADD `private_mode` integer DEFAULT false NOT NULL;