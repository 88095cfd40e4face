/**
 * The columns a bulk file can carry, and the header spellings auto-mapping recognises for each. A
 * column maps to at most one field; `name` or `first_name` + `last_name` give the recipient's name.
 */
export const BULK_FIELDS = [
  "name",
  "first_name",
  "last_name",
  "email",
  "company",
  "address",
  "city",
  "state",
  "zip",
  "country",
  "mobile_no",
  "custom_message",
] as const;
export type BulkField = (typeof BULK_FIELDS)[number];

export const BULK_FIELD_LABELS: Record<BulkField, string> = {
  name: "Full name",
  first_name: "First name",
  last_name: "Last name",
  email: "Email",
  company: "Company",
  address: "Street address",
  city: "City",
  state: "State / region",
  zip: "Postal code",
  country: "Country (2 letters)",
  mobile_no: "Mobile number",
  custom_message: "Own message (overrides the template)",
};

/** Normalised header → field. Headers are lower-cased and stripped of spaces, dashes and underscores. */
const SYNONYMS: Record<BulkField, string[]> = {
  name: ["name", "fullname", "recipient", "recipientname", "contactname"],
  first_name: ["firstname", "first", "givenname", "forename"],
  last_name: ["lastname", "last", "surname", "familyname"],
  email: ["email", "emailaddress", "mail", "recipientemail", "workemail"],
  company: ["company", "companyname", "account", "accountname", "organization", "organisation"],
  address: ["address", "street", "streetaddress", "address1", "addressline1"],
  city: ["city", "town"],
  state: ["state", "region", "province", "county"],
  zip: ["zip", "zipcode", "postcode", "postalcode"],
  country: ["country", "countrycode"],
  mobile_no: ["mobileno", "mobile", "mobilenumber", "phone", "phonenumber", "cell"],
  custom_message: ["custommessage", "message", "note", "giftmessage"],
};

const normalise = (header: string) => header.toLowerCase().replace(/[\s_\-.]/g, "");

/** Column index per field (first matching header wins), or absent. */
export type ColumnMapping = Partial<Record<BulkField, number>>;

export function autoMap(headers: string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const used = new Set<number>();
  for (const field of BULK_FIELDS) {
    const index = headers.findIndex((h, i) => !used.has(i) && SYNONYMS[field].includes(normalise(h)));
    if (index >= 0) {
      mapping[field] = index;
      used.add(index);
    }
  }
  return mapping;
}

/** The mapped cells of one row, trimmed; unmapped fields are absent. */
export function cellsOf(row: string[], mapping: ColumnMapping): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const field of BULK_FIELDS) {
    const index = mapping[field];
    if (index === undefined) continue;
    const value = (row[index] ?? "").trim();
    if (value !== "") cells[field] = value;
  }
  return cells;
}

/** The columns of the downloadable template, in order. */
// Every field but `name`: the template splits it into first and last name.
export const TEMPLATE_COLUMNS: BulkField[] = BULK_FIELDS.filter((field) => field !== "name");
