import { type ClassValue, clsx } from "clsx";

export type { ClassValue };

/** Join class names (clsx). Later classes win only by source order in the stylesheet, so avoid conflicts. */
export function cn(...inputs: ClassValue[]): string {
  return clsx(inputs);
}
