/** Page sizes the history offers; no imports, so client components can use it without the schema. */
export const PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 50;
