// Opens the PGlite folder given as argv[2] in a separate process, as a second app instance would.
import { openDatabase } from "@/lib/db/client";

openDatabase({ kind: "pglite", dir: process.argv[2] as string }).then(
  async (handle) => {
    console.log("opened");
    await handle.close();
  },
  (error: Error) => {
    console.error(error.message);
    process.exit(3);
  },
);
