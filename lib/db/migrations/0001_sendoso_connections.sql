CREATE TABLE "rate_limit_slots" (
	"key" text NOT NULL,
	"slot" integer NOT NULL,
	"free_at" timestamp with time zone DEFAULT 'epoch' NOT NULL,
	"generation" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_limit_slots_key_slot_pk" PRIMARY KEY("key","slot")
);
--> statement-breakpoint
CREATE TABLE "sendoso_connections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid,
	"sendoso_user_id" bigint NOT NULL,
	"sendoso_email" text NOT NULL,
	"sendoso_name" text NOT NULL,
	"access_token_ciphertext" text NOT NULL,
	"refresh_token_ciphertext" text,
	"access_expires_at" timestamp with time zone NOT NULL,
	"scope" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"connected_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sendoso_connections_status_check" CHECK ("sendoso_connections"."status" in ('active', 'needs_reconnect'))
);
--> statement-breakpoint
ALTER TABLE "sendoso_connections" ADD CONSTRAINT "sendoso_connections_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sendoso_connections" ADD CONSTRAINT "sendoso_connections_connected_by_users_id_fk" FOREIGN KEY ("connected_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sendoso_connections_user_key" ON "sendoso_connections" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sendoso_connections_shared_key" ON "sendoso_connections" USING btree (("user_id" is null)) WHERE "sendoso_connections"."user_id" is null;