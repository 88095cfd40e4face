/** Issue 12: one batch is at most this many recipients and this big a file. */
export const MAX_BULK_ROWS = 5_000;
export const MAX_BULK_FILE_BYTES = 5 * 1024 * 1024;

export const formatCount = (n: number) => n.toLocaleString("en-US");
