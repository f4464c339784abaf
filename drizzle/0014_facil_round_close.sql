CREATE TABLE `round_close_notices` (
	`round_id` text PRIMARY KEY NOT NULL,
	`notified_at` integer NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `test_rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
