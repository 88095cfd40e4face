/**
 * The exact JSON Sendoso documents for a physical gift whose address the recipient confirms
 * (shared/sendoso-api.md §2.1). Key order follows the documented example; types are JSON types.
 */
export type AddressCollectionBody = {
  send: {
    touch_id: number;
    name: string;
    email: string;
    custom_message: string;
    no_address: true;
    confirm_address: true;
    address_confirmation_via: "email" | "link";
    resume_with_unconfirmed_address: boolean;
    expire_after_days: number;
    hide_product_info: boolean;
    address_confirmation_custom_message: string;
    via: "single_person_or_company";
    via_from: string;
  };
};

/** The form values this body is built from (lib/validation/send.ts, address-collection variant). */
export type AddressCollectionInput = {
  touchId: number;
  recipientName: string;
  recipientEmail: string;
  customMessage: string;
  addressConfirmationVia: "email" | "link";
  resumeWithUnconfirmedAddress: boolean;
  expireAfterDays: number;
  hideProductInfo: boolean;
  addressConfirmationMessage: string;
};

export function buildAddressCollectionBody(
  values: AddressCollectionInput,
  viaFrom: string,
): AddressCollectionBody {
  return {
    send: {
      touch_id: values.touchId,
      name: values.recipientName,
      email: values.recipientEmail,
      custom_message: values.customMessage,
      no_address: true,
      confirm_address: true,
      address_confirmation_via: values.addressConfirmationVia,
      resume_with_unconfirmed_address: values.resumeWithUnconfirmedAddress,
      expire_after_days: values.expireAfterDays,
      hide_product_info: values.hideProductInfo,
      address_confirmation_custom_message: values.addressConfirmationMessage,
      via: "single_person_or_company",
      via_from: viaFrom,
    },
  };
}
