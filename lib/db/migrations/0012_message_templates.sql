CREATE TABLE "message_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team" text,
	"user_id" uuid,
	"name" text NOT NULL,
	"body" text NOT NULL,
	"locked" boolean DEFAULT false NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_templates_owner_check" CHECK (("message_templates"."team" is null) <> ("message_templates"."user_id" is null)),
	CONSTRAINT "message_templates_locked_check" CHECK (not "message_templates"."locked" or "message_templates"."team" is not null)
);
--> statement-breakpoint
ALTER TABLE "message_templates" ADD CONSTRAINT "message_templates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_templates" ADD CONSTRAINT "message_templates_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "message_templates_team_name_key" ON "message_templates" USING btree ("team","name") WHERE "message_templates"."user_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "message_templates_user_name_key" ON "message_templates" USING btree ("user_id","name") WHERE "message_templates"."team" is null;--> statement-breakpoint
CREATE INDEX "message_templates_user_idx" ON "message_templates" USING btree ("user_id");