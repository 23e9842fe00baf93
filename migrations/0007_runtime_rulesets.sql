CREATE TABLE `ruleset_current` (
	`id` integer PRIMARY KEY NOT NULL CHECK (`id` = 1),
	`version` text NOT NULL,
	`activated_at` text NOT NULL,
	`activated_by` text
);
--> statement-breakpoint
CREATE TABLE `ruleset_draft_files` (
	`draft_id` text NOT NULL,
	`path` text NOT NULL,
	`text` text,
	`data` text,
	PRIMARY KEY(`draft_id`, `path`)
);
--> statement-breakpoint
CREATE TABLE `ruleset_drafts` (
	`id` text PRIMARY KEY NOT NULL,
	`base_version` text NOT NULL,
	`version` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`published_at` text
);
--> statement-breakpoint
CREATE INDEX `ruleset_drafts_created` ON `ruleset_drafts` (`created_at`);--> statement-breakpoint
CREATE TABLE `ruleset_files` (
	`version` text NOT NULL,
	`path` text NOT NULL,
	`text` text NOT NULL,
	`data` text,
	PRIMARY KEY(`version`, `path`)
);
--> statement-breakpoint
CREATE TABLE `ruleset_preview_chunks` (
	`preview_id` text NOT NULL,
	`seq` integer NOT NULL,
	`article_ids` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`result` text,
	PRIMARY KEY(`preview_id`, `seq`)
);
--> statement-breakpoint
CREATE TABLE `ruleset_previews` (
	`id` text PRIMARY KEY NOT NULL,
	`draft_id` text NOT NULL,
	`version` text NOT NULL,
	`against_version` text NOT NULL,
	`articles` integer NOT NULL,
	`chunks_total` integer NOT NULL,
	`as_of` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
