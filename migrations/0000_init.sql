CREATE TABLE `articles` (
	`id` text PRIMARY KEY NOT NULL,
	`source` text NOT NULL,
	`external_id` text NOT NULL,
	`url` text,
	`title` text,
	`text` text NOT NULL,
	`content_hash` text NOT NULL,
	`published_at` text,
	`language` text,
	`status` text DEFAULT 'active' NOT NULL,
	`latest_run_id` text,
	`latest_score` real,
	`latest_outcome` text,
	`latest_failed_rules` text,
	`last_checked_at` text,
	`failing_since` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `articles_source_external_id` ON `articles` (`source`,`external_id`);--> statement-breakpoint
CREATE INDEX `articles_last_checked` ON `articles` (`last_checked_at`,`id`);--> statement-breakpoint
CREATE INDEX `articles_outcome` ON `articles` (`latest_outcome`,`last_checked_at`);--> statement-breakpoint
CREATE TABLE `audit_batches` (
	`audit_id` text NOT NULL,
	`seq` integer NOT NULL,
	`article_ids` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`audit_id`, `seq`),
	FOREIGN KEY (`audit_id`) REFERENCES `audits`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `audit_changes` (
	`audit_id` text NOT NULL,
	`article_id` text NOT NULL,
	`previous_run_id` text,
	`run_id` text NOT NULL,
	`change` text NOT NULL,
	`previous_outcome` text,
	`outcome` text NOT NULL,
	`rule_changes` text NOT NULL,
	PRIMARY KEY(`audit_id`, `article_id`),
	FOREIGN KEY (`audit_id`) REFERENCES `audits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `audits` (
	`id` text PRIMARY KEY NOT NULL,
	`trigger` text NOT NULL,
	`status` text DEFAULT 'running' NOT NULL,
	`ruleset_version` text NOT NULL,
	`previous_ruleset_version` text,
	`started_at` text NOT NULL,
	`finished_at` text,
	`articles_due` integer DEFAULT 0 NOT NULL,
	`batches_total` integer DEFAULT 0 NOT NULL,
	`batches_done` integer DEFAULT 0 NOT NULL,
	`scored` integer DEFAULT 0 NOT NULL,
	`skipped` integer DEFAULT 0 NOT NULL,
	`failed` integer DEFAULT 0 NOT NULL,
	`score_sum` real DEFAULT 0 NOT NULL,
	`score_count` integer DEFAULT 0 NOT NULL,
	`pass_count` integer DEFAULT 0 NOT NULL,
	`warn_count` integer DEFAULT 0 NOT NULL,
	`fail_count` integer DEFAULT 0 NOT NULL,
	`regressions` integer DEFAULT 0 NOT NULL,
	`fixed` integer DEFAULT 0 NOT NULL,
	`changed` integer DEFAULT 0 NOT NULL,
	`rule_changes` text
);
--> statement-breakpoint
CREATE INDEX `audits_started` ON `audits` (`started_at`);--> statement-breakpoint
CREATE TABLE `deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`provider` text NOT NULL,
	`delivery_key` text NOT NULL,
	`event` text,
	`status` text NOT NULL,
	`payload` text,
	`article_id` text,
	`run_id` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`error` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deliveries_provider_key` ON `deliveries` (`provider`,`delivery_key`);--> statement-breakpoint
CREATE INDEX `deliveries_status` ON `deliveries` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `rulesets` (
	`version` text PRIMARY KEY NOT NULL,
	`rule_count` integer NOT NULL,
	`rules` text NOT NULL,
	`first_seen_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `runs` (
	`id` text PRIMARY KEY NOT NULL,
	`article_id` text NOT NULL,
	`trigger` text NOT NULL,
	`audit_id` text,
	`delivery_id` text,
	`ruleset_version` text NOT NULL,
	`content_hash` text NOT NULL,
	`score` real,
	`outcome` text NOT NULL,
	`pass_count` integer NOT NULL,
	`fail_count` integer NOT NULL,
	`not_applicable_count` integer NOT NULL,
	`review_count` integer NOT NULL,
	`error_count` integer NOT NULL,
	`as_of` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `runs_article_created` ON `runs` (`article_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `runs_audit` ON `runs` (`audit_id`);--> statement-breakpoint
CREATE TABLE `verdicts` (
	`run_id` text NOT NULL,
	`rule_id` text NOT NULL,
	`status` text NOT NULL,
	`severity` text NOT NULL,
	`kind` text NOT NULL,
	`evidence` text DEFAULT '[]' NOT NULL,
	`message` text,
	PRIMARY KEY(`run_id`, `rule_id`),
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `verdicts_rule_status` ON `verdicts` (`rule_id`,`status`);