import { renderMessage } from "@/lib/sends/message-template";

/** A sample recipient, so the writer sees the exact text a message becomes once its variables are filled. */
export const SAMPLE_RECIPIENT = { name: "Jane Doe", company: "Acme Inc." };

export function TemplatePreview({ body, testId }: { body: string; testId: string }) {
  if (!body.trim()) return null;
  return (
    <figure className="rounded-card border border-line bg-surface-muted px-4 py-3 text-sm">
      <figcaption className="mb-1 font-medium text-ink-muted">
        Sent to {SAMPLE_RECIPIENT.name} at {SAMPLE_RECIPIENT.company}, it reads
      </figcaption>
      <blockquote data-testid={testId} className="whitespace-pre-wrap">
        {renderMessage(body, SAMPLE_RECIPIENT)}
      </blockquote>
    </figure>
  );
}
