// Runs one CSV export in a fresh process, so its peak RSS is the export's alone.
// argv: database url, first and last day (YYYY-MM-DD, UTC) of the export. Prints one JSON line.
import { openDatabase } from "@/lib/db/client";
import { exportCsvStream } from "@/lib/sends/export";

async function main() {
  const [url, from, to] = process.argv.slice(2) as [string, string, string];
  const handle = await openDatabase({ kind: "postgres", url });
  const start = performance.now();
  const stream = exportCsvStream(handle.db, { kind: "all" }, { from, to, tz: "UTC" });
  let bytes = 0;
  let rows = 0;
  const decoder = new TextDecoder();
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
    rows += (decoder.decode(chunk).match(/\r\n/g) ?? []).length;
  }
  const ms = performance.now() - start;
  await handle.close();
  // maxRSS is in kilobytes: the peak resident set of this process over its whole life.
  console.log(
    JSON.stringify({ rows: rows - 1, bytes, ms, peakRssMb: process.resourceUsage().maxRSS / 1024 }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
