/** The unit's own statements: seal, and district against category (spec §4). */
import { CITY_LEVEL_CATEGORY, CITY_LEVEL_DISTRICT, DISTRICT_LEVEL_CATEGORIES, NO } from "../definition";
import { textOf } from "../submission";
import { fieldFinding, quoteLabel, type Rule } from "./context";

const CITY = CITY_LEVEL_DISTRICT;

const sealedNo: Rule = ({ raw, submission }) =>
  textOf(submission.fields, "sealed") === NO
    ? [fieldFinding(raw, "sealed.no", "sealed", `${quoteLabel("sealed")}为“否”：正式报送的总结材料须加盖公章`)]
    : [];

const districtMatchesCategory: Rule = ({ raw, submission }) => {
  const category = textOf(submission.fields, "unit_category");
  const district = textOf(submission.fields, "district");
  if (category === null || district === null) return [];
  if (DISTRICT_LEVEL_CATEGORIES.includes(category) && district === CITY) {
    return [
      fieldFinding(
        raw,
        "district.matches_category",
        "district",
        `${quoteLabel("unit_category")}为“${category}”，${quoteLabel("district")}应选所在区，不应为“${CITY}”`,
      ),
    ];
  }
  if (category === CITY_LEVEL_CATEGORY && district !== CITY) {
    return [
      fieldFinding(
        raw,
        "district.matches_category",
        "district",
        `${quoteLabel("unit_category")}为“${category}”，${quoteLabel("district")}应为“${CITY}”，填写的是“${district}”`,
      ),
    ];
  }
  return [];
};

export const unitRules: readonly Rule[] = [sealedNo, districtMatchesCategory];
