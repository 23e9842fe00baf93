CREATE TABLE `feedback` (
	`id` text PRIMARY KEY NOT NULL,
	`article_id` text NOT NULL,
	`finding` text NOT NULL,
	`rule_id` text NOT NULL,
	`quote` text NOT NULL,
	`label` text NOT NULL,
	`note` text,
	`actor` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`undone_at` text,
	`undone_by` text,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `feedback_article` ON `feedback` (`article_id`,`finding`,`created_at`);--> statement-breakpoint
CREATE INDEX `feedback_rule` ON `feedback` (`rule_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `verdicts` ADD `dismissed` integer DEFAULT false NOT NULL;