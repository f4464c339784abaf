ALTER TABLE `test_items` ADD `prototype_version_id` text;--> statement-breakpoint
ALTER TABLE `test_items` ADD `screen_id` text;