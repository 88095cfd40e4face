"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { ColumnMapping } from "@/lib/bulk/fields";
import type { TouchOption } from "@/lib/sends/touch-options";
import { MappingFields } from "./mapping-fields";

type Preview = { headers: string[]; mapping: ColumnMapping; rows: number; sample: string[][] };
type Answer =
  | { ok: true; preview?: Preview; batchId?: string }
  | { ok: false; formError?: string; fieldErrors?: Partial<Record<string, string[]>> };

/**
 * Step 1 reads the file and shows the detected columns (nothing is stored); step 2 sends it again with
 * the mapping the rep confirmed, which stores the draft and opens its review.
 */
export function UploadForm({ touches }: { touches: TouchOption[] }) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<{ form?: string; fields: Record<string, string | undefined> }>({
    fields: {},
  });
  const [sendType, setSendType] = useState("address_collection");

  async function submit(withMapping: boolean) {
    if (!form.current || pending) return;
    setPending(true);
    setErrors({ fields: {} });
    const data = new FormData(form.current);
    if (withMapping) data.set("mapping", JSON.stringify(mapping));
    try {
      const response = await fetch("/api/bulk/upload", { method: "POST", body: data });
      const answer = (await response.json()) as Answer;
      if (!answer.ok) {
        const fields = Object.fromEntries(
          Object.entries(answer.fieldErrors ?? {}).map(([k, v]) => [k, v?.[0]]),
        );
        setErrors({ form: answer.formError, fields });
        if (fields.file) setPreview(null);
      } else if (answer.batchId) {
        router.push(`/send/bulk/${answer.batchId}`);
        return;
      } else if (answer.preview) {
        setPreview(answer.preview);
        setMapping(answer.preview.mapping);
      }
    } catch {
      setErrors({ form: "The upload did not get through. Check your connection and try again.", fields: {} });
    }
    setPending(false);
  }

  const e = errors.fields;
  return (
    <form
      ref={form}
      className="flex flex-col gap-5"
      onSubmit={(event) => {
        event.preventDefault();
        void submit(preview !== null);
      }}
      noValidate
    >
      {errors.form ? (
        <Alert tone="danger" role="alert" title="Nothing was stored">
          {errors.form}
        </Alert>
      ) : null}
      <Field id="touchId" label="Touch for every row" required error={e.touchId}>
        <Select name="touchId" required defaultValue="" {...fieldAria("touchId", { error: e.touchId })}>
          <option value="" disabled>
            Choose a touch
          </option>
          {touches.map((t) => (
            <option key={t.id} value={t.id} disabled={t.unavailableReason !== null}>
              {t.name}
              {t.priceRange ? ` (${t.priceRange})` : ""}
              {t.unavailableReason ? ` — ${t.unavailableReason}` : ""}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="sendType" label="Delivery" required error={e.sendType}>
        <Select
          name="sendType"
          value={sendType}
          onChange={(ev) => setSendType(ev.target.value)}
          {...fieldAria("sendType", { error: e.sendType })}
        >
          <option value="address_collection">Ask each recipient for their address</option>
          <option value="known_address">Ship to the address in the file</option>
          <option value="egift">eGift by email</option>
        </Select>
      </Field>
      {sendType === "address_collection" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="addressConfirmationVia" label="Recipients confirm by">
            <Select
              name="addressConfirmationVia"
              defaultValue="email"
              {...fieldAria("addressConfirmationVia")}
            >
              <option value="email">Email from Sendoso</option>
              <option value="link">A link you share</option>
            </Select>
          </Field>
          <Field id="expireAfterDays" label="Offer expires after (days)" error={e.expireAfterDays}>
            <Input
              name="expireAfterDays"
              type="number"
              min={2}
              max={7}
              defaultValue={5}
              {...fieldAria("expireAfterDays", { error: e.expireAfterDays })}
            />
          </Field>
        </div>
      ) : null}
      <Field
        id="messageTemplate"
        label="Message template"
        description="{first_name}, {last_name} and {company} are filled in per row; a row's own custom_message replaces it."
        error={e.messageTemplate}
      >
        <Textarea
          name="messageTemplate"
          rows={3}
          maxLength={500}
          {...fieldAria("messageTemplate", { error: e.messageTemplate, description: true })}
        />
      </Field>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="confirmRepeatRecipients" className="mt-1 size-4" />
        <span>Also send to recipients someone gifted recently (they are flagged in the review)</span>
      </label>
      <Field
        id="file"
        label="CSV or Excel file"
        required
        description="Up to 5,000 rows and 5 MB."
        error={e.file}
      >
        <Input
          name="file"
          type="file"
          required
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={() => setPreview(null)}
          {...fieldAria("file", { error: e.file, description: true })}
        />
      </Field>
      {preview ? (
        <MappingFields preview={preview} mapping={mapping} onChange={setMapping} error={e["mapping.email"]} />
      ) : null}
      <div>
        <Button type="submit" pending={pending} pendingLabel={preview ? "Storing…" : "Reading the file…"}>
          {preview ? `Review ${preview.rows.toLocaleString("en-US")} rows` : "Read the file"}
        </Button>
      </div>
    </form>
  );
}
