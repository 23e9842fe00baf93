CREATE TABLE `article_states` (
	`source` text NOT NULL,
	`external_id` text NOT NULL,
	`state` text NOT NULL,
	`event_order` integer NOT NULL,
	`delivery_id` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`source`, `external_id`)
);
--> statement-breakpoint
CREATE TABLE `dashboard_sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`role` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
ALTER TABLE `deliveries` ADD `event_order` integer;--> statement-breakpoint
ALTER TABLE `deliveries` ADD `reason` text;--> statement-breakpoint
ALTER TABLE `deliveries` ADD `sweeps` integer DEFAULT 0 NOT NULL;