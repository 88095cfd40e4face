import { describe, expect, it } from "vitest";
import { buildEgiftBody } from "@/lib/sendoso/request-body-egift";
import {
  buildKnownAddressBody,
  isUnitedStates,
  mobileNumberForSendoso,
} from "@/lib/sendoso/request-body-known-address";

const address = {
  touchId: 1001,
  recipientName: "Jamie Rivera",
  recipientEmail: "jamie@example.org",
  customMessage: "Thanks for the call!",
  address: "639 Front St, Floor 3",
  city: "San Francisco",
  state: "CA",
  zip: "94111",
  country: "US",
};

describe("known-address body (sendoso-api.md §2.2)", () => {
  it("is exactly the documented shape, in order, with JSON types", () => {
    expect(JSON.stringify(buildKnownAddressBody(address, "Gift Desk"))).toBe(
      JSON.stringify({
        send: {
          touch_id: 1001,
          name: "Jamie Rivera",
          email: "jamie@example.org",
          address: "639 Front St, Floor 3",
          city: "San Francisco",
          state: "CA",
          zip: "94111",
          country: "US",
          custom_message: "Thanks for the call!",
          confirm_address: false,
          via: "single_person_or_company",
          via_from: "Gift Desk",
        },
      }),
    );
  });

  it("sends mobile_no as a JSON number, as documented, and requires it outside the US", () => {
    const body = buildKnownAddressBody(
      { ...address, country: "GB", mobileNo: "+44 20 7946 0958" },
      "Gift Desk",
    );
    expect(body.send.mobile_no).toBe(442079460958);
    expect(Object.keys(body.send).indexOf("mobile_no")).toBe(Object.keys(body.send).indexOf("country") + 1);
    expect(() => buildKnownAddressBody({ ...address, country: "GB" }, "Gift Desk")).toThrow(/mobile_no/);
    expect(() => buildKnownAddressBody({ ...address, country: "GB", mobileNo: "" }, "Gift Desk")).toThrow(
      /mobile_no/,
    );
    expect(() => buildKnownAddressBody({ ...address, mobileNo: "call me" }, "Gift Desk")).toThrow(
      /mobile_no/,
    );
  });

  it("reads phone numbers without losing digits", () => {
    expect(mobileNumberForSendoso("(415) 555-0100")).toBe(4155550100);
    expect(mobileNumberForSendoso("+1 415.555.0100")).toBe(14155550100);
    expect(mobileNumberForSendoso("020 7946 0958")).toBeNull();
    expect(mobileNumberForSendoso("12345")).toBeNull();
    expect(mobileNumberForSendoso("1234567890123456")).toBeNull();
  });

  it("knows the US by its usual names", () => {
    for (const name of ["US", "usa", "United States", " USA "]) expect(isUnitedStates(name)).toBe(true);
    for (const name of ["GB", "CA", "UM"]) expect(isUnitedStates(name)).toBe(false);
  });
});

describe("eGift body (sendoso-api.md §2.3)", () => {
  it("is exactly the documented shape with via single_email_address", () => {
    const body = buildEgiftBody(
      { touchId: 1021, recipientName: "Sam", recipientEmail: "sam@example.org", customMessage: "Enjoy" },
      "Gift Desk",
    );
    expect(JSON.stringify(body)).toBe(
      JSON.stringify({
        send: {
          touch_id: 1021,
          name: "Sam",
          email: "sam@example.org",
          custom_message: "Enjoy",
          via: "single_email_address",
          via_from: "Gift Desk",
        },
      }),
    );
  });

  it("leaves the optional name out when there is none", () => {
    const body = buildEgiftBody(
      { touchId: 1021, recipientName: " ", recipientEmail: "sam@example.org" },
      "GD",
    );
    expect(body.send).not.toHaveProperty("name");
    expect(body.send.custom_message).toBe("");
  });
});
