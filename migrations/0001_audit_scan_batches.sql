ALTER TABLE `audit_batches` ADD `kind` text DEFAULT 'score' NOT NULL;--> statement-breakpoint
ALTER TABLE `audit_batches` ADD `cursor` text;--> statement-breakpoint
ALTER TABLE `audit_batches` ADD `parent_seq` integer;