ALTER TABLE "bulk_batches" DROP CONSTRAINT "bulk_batches_state_check";--> statement-breakpoint
ALTER TABLE "bulk_batches" ADD COLUMN "over_budget" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "bulk_batches" ADD COLUMN "approval_reason" text;--> statement-breakpoint
ALTER TABLE "bulk_batches" ADD COLUMN "decided_by" uuid;--> statement-breakpoint
ALTER TABLE "bulk_batches" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "bulk_batches" ADD COLUMN "decision_reason" text;--> statement-breakpoint
ALTER TABLE "bulk_rows" ADD COLUMN "reservation_used" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "bulk_batches" ADD CONSTRAINT "bulk_batches_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_batches" ADD CONSTRAINT "bulk_batches_state_check" CHECK ("bulk_batches"."state" in ('draft', 'pending_approval', 'running', 'paused', 'completed', 'cancelled', 'rejected'));