"use client";

// Worded for this area by the shared component (see its AREAS); one chunk serves every segment.
export { default } from "@/components/errors/segment-error";
