import { z } from "zod";
import { MAX_TOUCH_IMAGE_BYTES, TOUCH_IMAGE_ACCEPT, tooLargeMessage } from "@/lib/touches/image-check";
import { moneyAmount } from "./spend";
import { touchIdField as touchId } from "./touch-id";

/**
 * Touch cards (issue 17 item 1): shared by the admin forms (zodResolver) and their actions (safeParse).
 * Tags and countries arrive as one comma-separated input and leave as clean, de-duplicated lists.
 */
export const DESCRIPTION_MAX = 280;
export const TAGS_MAX = 8;
export const TAG_MAX = 30;
export const COUNTRIES_MAX = 60;

const commaList = (value: unknown) =>
  typeof value === "string"
    ? value
        .split(",")
        .map((v) => v.trim())
        .filter(Boolean)
    : value;
const unique = (list: string[]) => [...new Set(list)];

const tags = z.preprocess(
  commaList,
  z
    .array(
      z
        .string()
        .transform((t) => t.toLowerCase())
        .pipe(
          z
            .string()
            .max(TAG_MAX, `Keep each tag under ${TAG_MAX} characters`)
            .regex(/^[\p{L}\p{N}][\p{L}\p{N} &'-]*$/u, "Tags use letters, numbers, spaces, & ' and -"),
        ),
    )
    .transform(unique)
    .pipe(z.array(z.string()).max(TAGS_MAX, `Use at most ${TAGS_MAX} tags`)),
);

const countries = z.preprocess(
  commaList,
  z
    .array(
      z
        .string()
        .transform((c) => c.toUpperCase())
        .pipe(z.string().regex(/^[A-Z]{2}$/, "Use two-letter country codes, e.g. US, GB, DE")),
    )
    .transform(unique)
    .pipe(z.array(z.string()).max(COUNTRIES_MAX, `Use at most ${COUNTRIES_MAX} countries`)),
);

const blankToNull = (value: unknown) =>
  value === null || value === undefined || (typeof value === "string" && value.trim() === "") ? null : value;

/** A card's words and numbers; the picture goes through touchImageSchema on its own. */
export const touchCardSchema = z.object({
  touchId,
  description: z
    .string()
    .trim()
    .max(DESCRIPTION_MAX, `Keep the description under ${DESCRIPTION_MAX} characters`)
    .default(""),
  tags: tags.default([]),
  shipTo: countries.default([]),
  displayPrice: z.preprocess(blankToNull, moneyAmount("the price shown").nullable()),
});
export type TouchCardInput = z.input<typeof touchCardSchema>;
export type TouchCardValues = z.output<typeof touchCardSchema>;

const ACCEPTED = TOUCH_IMAGE_ACCEPT.split(",");

/**
 * The picture as the browser offers it: size, and the type the browser declares (a hint for a quick
 * answer only; the server judges the bytes themselves, lib/touches/image-check.ts).
 */
const imageFile = z
  .instanceof(File, { error: "Choose a picture" })
  .refine((f) => f.size > 0, "The file is empty.")
  .refine((f) => f.size <= MAX_TOUCH_IMAGE_BYTES, {
    error: (issue) => tooLargeMessage((issue.input as File).size),
  })
  .refine((f) => f.type === "" || ACCEPTED.includes(f.type), "Choose a PNG, JPEG or WebP picture (not SVG)");

/** Server actions receive the form as FormData; the browser's form passes a plain object. */
const fromFormData = (value: unknown) =>
  typeof FormData !== "undefined" && value instanceof FormData ? Object.fromEntries(value) : value;

export const touchImageSchema = z.preprocess(fromFormData, z.object({ touchId, image: imageFile }));
export type TouchImageValues = z.output<typeof touchImageSchema>;
