DROP INDEX "sends_gid_idx";--> statement-breakpoint
ALTER TABLE "sends" ADD COLUMN "sendoso_user_id" bigint;--> statement-breakpoint
ALTER TABLE "sends" ADD COLUMN "absent_checked_at" timestamp with time zone;--> statement-breakpoint
UPDATE "sends" SET "sendoso_user_id" = c."sendoso_user_id" FROM "sendoso_connections" c WHERE c."id" = "sends"."sendoso_connection_id";--> statement-breakpoint
CREATE UNIQUE INDEX "sends_gid_unique" ON "sends" USING btree ("sendoso_send_gid") WHERE "sends"."sendoso_send_gid" is not null;--> statement-breakpoint
CREATE INDEX "sends_tracking_code_idx" ON "sends" USING btree ("tracking_code") WHERE "sends"."tracking_code" is not null;--> statement-breakpoint
CREATE INDEX "sends_in_flight_at_idx" ON "sends" USING btree ("in_flight_at") WHERE "sends"."in_flight_at" is not null;