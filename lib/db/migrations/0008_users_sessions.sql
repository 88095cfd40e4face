ALTER TABLE "users" ADD COLUMN "role_source" text DEFAULT 'idp' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "sessions_valid_after" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "suspended_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_role_source_check" CHECK ("users"."role_source" in ('idp', 'admin', 'bootstrap', 'default'));