import { describe, expect, it } from "vitest";
import type { Touch } from "@/lib/sendoso/schemas";
import { toTouchOption } from "@/lib/sends/touch-options";

const base: Touch = {
  id: 1,
  name: "Coffee",
  description: null,
  start_date: "2024-01-01T00:00:00Z",
  end_date: null,
  status: "Active",
  delivery_type: "mail",
  starting_egift_price: null,
  ending_egift_price: null,
  is_default_price: true,
  ship_to_countries: ["US", "CA"],
  currency: "USD",
};
const now = new Date("2026-11-26T00:00:00Z");

describe("toTouchOption", () => {
  it("describes a physical touch", () => {
    expect(toTouchOption(base, now)).toEqual({
      id: 1,
      name: "Coffee",
      description: "",
      kind: "physical",
      priceRange: null,
      shipTo: ["US", "CA"],
      unavailableReason: null,
      estimatedCost: null,
      costIsGuess: true,
      imageUrl: null,
      tags: [],
      priceLabel: null,
      priceBand: "unpriced",
      priceBandLabel: "Price not set",
    });
  });

  it("prices a physical touch at the admin's estimate, flagged as a guess", () => {
    expect(toTouchOption(base, now, 39.5)).toMatchObject({ estimatedCost: 39.5, costIsGuess: true });
  });

  it("shows an eGift's price range", () => {
    const egift = {
      ...base,
      delivery_type: "email" as const,
      starting_egift_price: 25,
      ending_egift_price: 100,
    };
    expect(toTouchOption(egift, now)).toMatchObject({
      kind: "egift",
      priceRange: "$25–$100",
      // The API takes no amount: an eGift counts at the top of its range, which is not a guess.
      estimatedCost: 100,
      costIsGuess: false,
    });
    expect(toTouchOption({ ...egift, ending_egift_price: 25 }, now).priceRange).toBe("$25");
  });

  it.each([
    [{ status: "Inactive" }, "Inactive in Sendoso"],
    [{ start_date: "2027-01-01T00:00:00Z" }, "Not open yet"],
    [{ end_date: "2026-01-01T00:00:00Z" }, "Ended"],
  ])("marks %j as unavailable", (patch, reason) => {
    expect(toTouchOption({ ...base, ...patch }, now).unavailableReason).toBe(reason);
  });
});
