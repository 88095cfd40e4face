CREATE TABLE "touch_cards" (
	"touch_id" integer PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"ship_to" text[] DEFAULT '{}'::text[] NOT NULL,
	"display_price" numeric(12, 2),
	"image_hash" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "touch_cards_kind_check" CHECK ("touch_cards"."kind" in ('egift', 'physical')),
	CONSTRAINT "touch_cards_description_check" CHECK (char_length("touch_cards"."description") <= 280)
);
--> statement-breakpoint
CREATE TABLE "touch_images" (
	"touch_id" integer PRIMARY KEY NOT NULL,
	"hash" text NOT NULL,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "touch_images_type_check" CHECK ("touch_images"."content_type" in ('image/png', 'image/jpeg', 'image/webp')),
	CONSTRAINT "touch_images_size_check" CHECK (octet_length("touch_images"."bytes") <= 1048576)
);
--> statement-breakpoint
ALTER TABLE "touch_cards" ADD CONSTRAINT "touch_cards_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touch_images" ADD CONSTRAINT "touch_images_touch_id_touch_cards_touch_id_fk" FOREIGN KEY ("touch_id") REFERENCES "public"."touch_cards"("touch_id") ON DELETE cascade ON UPDATE no action;