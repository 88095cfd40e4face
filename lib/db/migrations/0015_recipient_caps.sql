CREATE TABLE "recipient_spend_caps" (
	"id" text PRIMARY KEY DEFAULT 'org' NOT NULL,
	"per_email_yearly" numeric(12, 2),
	"per_domain_yearly" numeric(12, 2),
	"over_cap" text DEFAULT 'refuse' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recipient_spend_caps_singleton" CHECK ("recipient_spend_caps"."id" = 'org'),
	CONSTRAINT "recipient_spend_caps_over_cap_check" CHECK ("recipient_spend_caps"."over_cap" in ('refuse', 'approve')),
	CONSTRAINT "recipient_spend_caps_amounts_check" CHECK (coalesce("recipient_spend_caps"."per_email_yearly", 0) >= 0 and coalesce("recipient_spend_caps"."per_domain_yearly", 0) >= 0)
);
--> statement-breakpoint
ALTER TABLE "recipient_spend_caps" ADD CONSTRAINT "recipient_spend_caps_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sends_recipient_domain_created_idx" ON "sends" USING btree (split_part("recipient_email", '@', 2),"created_at");