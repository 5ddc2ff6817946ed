/** The years a template may be made for: the bounds of the 年度 field (kept apart from the writer, which loads exceljs). */
import { fieldById, integerBounds } from "../core/definition";

export const { min: MIN_YEAR, max: MAX_YEAR } = integerBounds(fieldById("year"));

export function isValidTemplateYear(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
}
