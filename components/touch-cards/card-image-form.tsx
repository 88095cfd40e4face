"use client";

import { useRef, useState } from "react";
import type { SettingsAction } from "@/components/spend/settings-outcome";
import { fieldErrorsOf, outcomeError } from "@/components/spend/settings-outcome";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { toast } from "@/components/ui/toast";
import { TOUCH_IMAGE_ACCEPT } from "@/lib/touches/image-check";
import { touchImageSchema } from "@/lib/validation/touch-cards";

type Props = {
  touchId: number;
  touchName: string;
  hasImage: boolean;
  upload: SettingsAction<FormData>;
  remove: SettingsAction<{ touchId: number }>;
};

/**
 * Uploads a card's picture. The shared schema answers at once for a file that is too big or not an
 * image type; the server then checks the bytes themselves before anything is stored.
 */
export function CardImageForm({ touchId, touchName, hasImage, upload, remove }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState<"upload" | "remove" | null>(null);
  const id = `card-${touchId}-image`;

  async function run(kind: "upload" | "remove", call: () => ReturnType<SettingsAction<unknown>>) {
    setPending(kind);
    try {
      const result = await call();
      const message = fieldErrorsOf(result).image?.[0] ?? outcomeError(result);
      setError(message ?? undefined);
      if (!message) {
        toast.success(
          kind === "upload" ? `Picture for ${touchName} saved` : `Picture for ${touchName} removed`,
        );
        if (input.current) input.current.value = "";
      }
    } catch {
      setError("Gift Desk did not answer. The picture may not be saved; try again.");
    }
    setPending(null);
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const image = input.current?.files?.[0];
    const parsed = touchImageSchema.safeParse({ touchId, image });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Choose a picture");
      return;
    }
    const data = new FormData();
    data.set("touchId", String(touchId));
    data.set("image", parsed.data.image);
    void run("upload", () => upload(data));
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      className="flex flex-col gap-2"
      aria-label={`Picture for ${touchName}`}
    >
      <Field
        id={id}
        label="Picture"
        error={error}
        description="PNG, JPEG or WebP, at most 1 MB. Square pictures look best."
      >
        <input
          ref={input}
          type="file"
          name="image"
          accept={TOUCH_IMAGE_ACCEPT}
          className="text-sm file:me-3 file:rounded-control file:border file:border-line-strong file:bg-white file:px-3 file:py-1.5 file:text-sm"
          onChange={() => setError(undefined)}
          {...fieldAria(id, { error, description: true })}
        />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button
          type="submit"
          size="sm"
          variant="secondary"
          pending={pending === "upload"}
          pendingLabel="Uploading…"
        >
          Upload picture
        </Button>
        {hasImage ? (
          <Button
            type="button"
            size="sm"
            variant="ghost"
            pending={pending === "remove"}
            pendingLabel="Removing…"
            onClick={() => void run("remove", () => remove({ touchId }))}
          >
            Remove picture
          </Button>
        ) : null}
      </div>
    </form>
  );
}
