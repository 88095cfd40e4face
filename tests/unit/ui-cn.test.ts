import { describe, expect, it } from "vitest";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { fieldAria } from "@/components/ui/field";

describe("cn", () => {
  it("joins truthy class values and drops falsy ones", () => {
    expect(cn("a", false, null, undefined, 0, "", "b")).toBe("a b");
    expect(cn(["a", ["b"]], { c: true, d: false })).toBe("a b c");
    expect(cn()).toBe("");
  });
});

describe("fieldAria", () => {
  it("returns only the id when there is no error or description", () => {
    expect(fieldAria("email", {})).toEqual({ id: "email" });
  });

  it("points aria-describedby at the description", () => {
    expect(fieldAria("email", { description: true })).toEqual({
      id: "email",
      "aria-describedby": "email-description",
    });
  });

  it("marks the control invalid and lists description before error", () => {
    expect(fieldAria("email", { description: true, error: "Required" })).toEqual({
      id: "email",
      "aria-invalid": true,
      "aria-describedby": "email-description email-error",
    });
  });

  it("treats an empty error string as no error", () => {
    expect(fieldAria("email", { error: "" })).toEqual({ id: "email" });
  });
});

describe("buttonClasses", () => {
  it("defaults to the primary md look and always includes a focus ring", () => {
    const classes = buttonClasses();
    expect(classes).toContain("bg-brand-600");
    expect(classes).toContain("h-10");
    expect(classes).toContain("focus-visible:ring-2");
  });

  it("applies variant, size and extra classes", () => {
    const classes = buttonClasses({ variant: "danger", size: "sm", className: "w-full" });
    expect(classes).toContain("bg-danger");
    expect(classes).toContain("h-8");
    expect(classes).toMatch(/ w-full$/);
  });
});
