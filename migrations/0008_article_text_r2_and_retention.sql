CREATE TABLE `retention_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`cursor` text DEFAULT '' NOT NULL,
	`passes` integer DEFAULT 0 NOT NULL,
	`runs_deleted` integer DEFAULT 0 NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `articles_text_inline` ON `articles` (`id`) WHERE text <> '';--> statement-breakpoint
-- Statistics for the planner after a new index (D1 runs no ANALYZE of its own).
PRAGMA optimize;
