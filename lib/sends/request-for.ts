import type { SendBody } from "@/lib/sendoso/client";
import { buildAddressCollectionBody } from "@/lib/sendoso/request-body";
import { buildEgiftBody } from "@/lib/sendoso/request-body-egift";
import { buildKnownAddressBody } from "@/lib/sendoso/request-body-known-address";
import type { SendGiftValues } from "@/lib/validation/send";
import { renderMessage } from "./message-template";

/** The exact upstream body for a validated form, with message variables already filled in. */
export function requestBodyFor(values: SendGiftValues, viaFrom: string): SendBody {
  const customMessage = renderMessage(values.customMessage, {
    name: values.recipientName,
    company: values.recipientCompany,
  });
  switch (values.sendType) {
    case "address_collection":
      return buildAddressCollectionBody({ ...values, customMessage }, viaFrom);
    case "known_address":
      return buildKnownAddressBody({ ...values, customMessage }, viaFrom);
    case "egift":
      return buildEgiftBody({ ...values, customMessage }, viaFrom);
  }
}
