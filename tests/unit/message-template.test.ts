import { describe, expect, it } from "vitest";
import { renderMessage, splitName } from "@/lib/sends/message-template";

describe("renderMessage", () => {
  it("fills first name, last name and company", () => {
    expect(
      renderMessage("Hi {first_name} {last_name}, thanks from all of us at Acme to {company}!", {
        name: "Jane van Doe",
        company: "Globex",
      }),
    ).toBe("Hi Jane van Doe, thanks from all of us at Acme to Globex!");
  });

  it("leaves unknown braces alone and blanks missing values", () => {
    expect(renderMessage("{first_name}{nickname}{company}", { name: "", company: "" })).toBe("{nickname}");
  });

  it("splits names on whitespace", () => {
    expect(splitName("  Ada   Lovelace ")).toEqual({ first: "Ada", last: "Lovelace" });
    expect(splitName("Cher")).toEqual({ first: "Cher", last: "" });
  });
});
