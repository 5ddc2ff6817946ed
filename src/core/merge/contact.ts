/** A unit's contact as a report states it (联系人, 联系电话, 电子邮箱 of spec §1): what 催报 calls. */
import type { FieldValue } from "../submission";
import type { UnitContact } from "./model";

const text = (v: FieldValue | undefined): string | null => (typeof v === "string" && v.trim() !== "" ? v.trim() : null);

export function contactOfValues(values: Readonly<Record<string, FieldValue>>): UnitContact {
  return { name: text(values.contact_name), phone: text(values.contact_phone), email: text(values.contact_email) };
}

/** Whether any part of the contact is known. */
export function hasContact(c: UnitContact | null | undefined): c is UnitContact {
  return !!c && (c.name !== null || c.phone !== null || c.email !== null);
}
