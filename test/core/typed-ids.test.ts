/**
 * Field, table, column and rule ids are literal types derived from the definition and the catalogue:
 * a misspelt id is a compile error (checked by `npm run typecheck`, which covers test/), not a rule
 * that silently never fires. Each `@ts-expect-error` fails the typecheck if the line compiles.
 */
import { columnById, fieldById, tableById, type FieldId } from "../../src/core/definition";
import type { RuleId } from "../../src/core/rules/catalogue";
import type { Finding } from "../../src/core/model";
import { numberOf, textOf, type Submission } from "../../src/core/submission";
import { RULES } from "../../src/core/rules/catalogue";
import { quoteCell } from "../../src/core/rules/context";

const fields = { training_sessions: 3 } as unknown as Submission["fields"];

describe("typed ids", () => {
  it("accept the definition's and the catalogue's ids", () => {
    expect(numberOf(fields, "training_sessions")).toBe(3);
    expect(fieldById("unit_name").label).toBe("报送单位（盖章单位全称）");
    expect(columnById(tableById("events"), "participants").column).toBe("F");
    expect(quoteCell("events", 5, "participants")).toBe("第5行“参加人次”");
    const rule: RuleId = "evidence.none";
    expect(RULES[rule].severity).toBe("warning");
  });

  it("refuse misspelt ids at compile time (and throw if a cast forces one through)", () => {
    // @ts-expect-error a misspelt field id
    expect(numberOf(fields, "training_sessoins")).toBeNull();
    // @ts-expect-error a misspelt field id
    expect(textOf(fields, "unit_nmae")).toBeNull();
    // @ts-expect-error a misspelt field id
    expect(() => fieldById("unitname")).toThrow("unknown field id");
    // @ts-expect-error a misspelt table id
    expect(() => tableById("event")).toThrow("unknown table id");
    // @ts-expect-error a column of another table (media has no participants)
    expect(() => columnById(tableById("media"), "participants")).toThrow("unknown column id");
    // @ts-expect-error a column of another table
    expect(() => quoteCell("evidence", 4, "participants")).toThrow();
    // @ts-expect-error a rule id that is not in the catalogue
    const unknownRule: RuleId = "evidence.missing";
    expect(RULES[unknownRule]).toBeUndefined();
    const finding = { rule: "media.none" } satisfies Pick<Finding, "rule">;
    // @ts-expect-error Finding.rule is a RuleId
    const wrong: Pick<Finding, "rule"> = { rule: "media.empty" };
    expect([finding.rule, wrong.rule]).toEqual(["media.none", "media.empty"]);
    const id: FieldId = "year";
    expect(id).toBe("year");
  });
});
