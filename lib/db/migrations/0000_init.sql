CREATE TABLE "send_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "send_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"send_id" uuid NOT NULL,
	"actor_id" uuid,
	"from_state" text,
	"to_state" text NOT NULL,
	"detail" jsonb,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sends" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sender_id" uuid NOT NULL,
	"team" text,
	"idempotency_key" uuid NOT NULL,
	"fingerprint" text NOT NULL,
	"send_type" text NOT NULL,
	"touch_id" integer NOT NULL,
	"touch_name" text NOT NULL,
	"recipient_name" text,
	"recipient_email" text NOT NULL,
	"recipient_company" text,
	"custom_message" text,
	"request_body" jsonb NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"tracking_code" text,
	"tracking_url" text,
	"sendoso_send_gid" text,
	"sendoso_status" text,
	"status_bucket" text,
	"cost" numeric(12, 2),
	"currency" text,
	"error_message" text,
	"error_detail" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"in_flight_at" timestamp with time zone,
	"settled_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sends_state_check" CHECK ("sends"."state" in ('queued', 'in_flight', 'sent', 'failed', 'unknown', 'not_sent')),
	CONSTRAINT "sends_type_check" CHECK ("sends"."send_type" in ('address_collection', 'known_address', 'egift'))
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"issuer" text NOT NULL,
	"subject" text NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text DEFAULT 'rep' NOT NULL,
	"team" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"last_sign_in_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_role_check" CHECK ("users"."role" in ('rep', 'manager', 'admin'))
);
--> statement-breakpoint
ALTER TABLE "send_events" ADD CONSTRAINT "send_events_send_id_sends_id_fk" FOREIGN KEY ("send_id") REFERENCES "public"."sends"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_events" ADD CONSTRAINT "send_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sends" ADD CONSTRAINT "sends_sender_id_users_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "send_events_send_idx" ON "send_events" USING btree ("send_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "sends_sender_idempotency_key" ON "sends" USING btree ("sender_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "sends_sender_created_idx" ON "sends" USING btree ("sender_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "sends_team_created_idx" ON "sends" USING btree ("team","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "sends_created_idx" ON "sends" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "sends_recipient_email_idx" ON "sends" USING btree ("recipient_email");--> statement-breakpoint
CREATE INDEX "sends_state_idx" ON "sends" USING btree ("state") WHERE "sends"."state" in ('queued', 'in_flight', 'unknown');--> statement-breakpoint
CREATE UNIQUE INDEX "users_issuer_subject_key" ON "users" USING btree ("issuer","subject");