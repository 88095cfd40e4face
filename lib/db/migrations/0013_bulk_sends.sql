CREATE TABLE "bulk_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sender_id" uuid NOT NULL,
	"team" text,
	"file_name" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"settings" jsonb,
	"pricing" jsonb,
	"estimated_total" numeric(12, 2),
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bulk_batches_state_check" CHECK ("bulk_batches"."state" in ('draft', 'running', 'paused', 'completed', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "bulk_rows" (
	"batch_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"cells" jsonb NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"idempotency_key" uuid,
	"claimed_at" timestamp with time zone,
	"send_id" uuid,
	"outcome" text,
	"error" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bulk_rows_batch_id_row_number_pk" PRIMARY KEY("batch_id","row_number"),
	CONSTRAINT "bulk_rows_state_check" CHECK ("bulk_rows"."state" in ('draft', 'dropped', 'pending', 'claimed', 'done', 'cancelled'))
);
--> statement-breakpoint
ALTER TABLE "bulk_batches" ADD CONSTRAINT "bulk_batches_sender_id_users_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_rows" ADD CONSTRAINT "bulk_rows_batch_id_bulk_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."bulk_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_rows" ADD CONSTRAINT "bulk_rows_send_id_sends_id_fk" FOREIGN KEY ("send_id") REFERENCES "public"."sends"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bulk_batches_sender_created_idx" ON "bulk_batches" USING btree ("sender_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "bulk_batches_team_created_idx" ON "bulk_batches" USING btree ("team","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "bulk_batches_active_idx" ON "bulk_batches" USING btree ("state") WHERE "bulk_batches"."state" = 'running';--> statement-breakpoint
CREATE INDEX "bulk_rows_batch_state_idx" ON "bulk_rows" USING btree ("batch_id","state","row_number");--> statement-breakpoint
CREATE INDEX "bulk_rows_send_idx" ON "bulk_rows" USING btree ("send_id");