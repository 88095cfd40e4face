CREATE TABLE "sendoso_oauth_attempts" (
	"nonce" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"code_verifier" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org_spend_limits" (
	"id" text PRIMARY KEY DEFAULT 'org' NOT NULL,
	"budget_amount" numeric(12, 2),
	"budget_period" text DEFAULT 'monthly' NOT NULL,
	"daily_cap_per_rep" numeric(12, 2),
	"daily_cap_total" numeric(12, 2),
	"over_limit_needs_approval" boolean DEFAULT false NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "org_spend_limits_singleton" CHECK ("org_spend_limits"."id" = 'org'),
	CONSTRAINT "org_spend_limits_period_check" CHECK ("org_spend_limits"."budget_period" in ('monthly', 'quarterly')),
	CONSTRAINT "org_spend_limits_amounts_check" CHECK (coalesce("org_spend_limits"."budget_amount", 0) >= 0 and coalesce("org_spend_limits"."daily_cap_per_rep", 0) >= 0 and coalesce("org_spend_limits"."daily_cap_total", 0) >= 0)
);
--> statement-breakpoint
ALTER TABLE "sendoso_oauth_attempts" ADD CONSTRAINT "sendoso_oauth_attempts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_spend_limits" ADD CONSTRAINT "org_spend_limits_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;