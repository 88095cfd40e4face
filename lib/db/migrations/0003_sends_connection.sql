ALTER TABLE "sends" ADD COLUMN "sendoso_connection_id" uuid;--> statement-breakpoint
ALTER TABLE "sends" ADD COLUMN "via_shared_account" boolean DEFAULT false NOT NULL;