import {
  FIELDS,
  TABLES,
  TEMPLATE,
  cellOf,
  fieldById,
  tableById,
  type FieldId,
  type TableId,
} from "../../src/core/definition";
import { describeTemplate } from "../../src/core/describe";

// The ids of spec §1–2, written out here on purpose: the test fails if the definition drops or renames one.
const SPEC_FIELDS = [
  "report_type",
  "year",
  "unit_name",
  "unit_category",
  "district",
  "credit_code",
  "contact_name",
  "contact_phone",
  "contact_email",
  "fill_date",
  "sealed",
  "org_measures",
  "regulation_participants",
  "outline_participants",
  "training_sessions",
  "public_sessions",
  "highlights",
  "publicity_summary",
  "next_steps",
];
const SPEC_TABLES: Record<string, string[]> = {
  events: ["date", "title", "form", "mode", "content", "participants", "is_public", "audience", "theme", "note"],
  media: ["date", "channel", "outlet", "title", "url"],
  evidence: ["name", "kind", "related_event", "location"],
  explanations: ["rule", "location", "text"],
};
const OPTIONAL_FIELDS = ["credit_code", "contact_email", "publicity_summary"];

describe("template definition", () => {
  it("has every single field of the spec with its required flag", () => {
    expect(FIELDS.map((f) => f.id).sort()).toEqual([...SPEC_FIELDS].sort());
    for (const id of SPEC_FIELDS) expect(fieldById(id as FieldId).required).toBe(!OPTIONAL_FIELDS.includes(id));
  });

  it("has every table and column of the spec", () => {
    for (const [table, cols] of Object.entries(SPEC_TABLES)) {
      expect(tableById(table as TableId).columns.map((c) => c.id)).toEqual(cols);
    }
    expect(TABLES.map((t) => t.id)).toEqual(Object.keys(SPEC_TABLES));
  });

  it("keeps the spec's option lists", () => {
    expect(fieldById("district").options).toHaveLength(17);
    expect(fieldById("unit_category").options).toContain("专业标准化技术委员会");
    expect(tableById("events").columns.find((c) => c.id === "content")?.options).toEqual([
      "《条例》",
      "《纲要》",
      "《条例》和《纲要》",
      "其他标准化内容",
    ]);
  });

  it("places every single field on its own cell", () => {
    const cells = FIELDS.map((f) => `${f.sheet}!${cellOf(f)}`);
    expect(new Set(cells).size).toBe(cells.length);
  });

  it("every enum has options and every option list belongs to an enum", () => {
    const all = [...FIELDS, ...TABLES.flatMap((t) => t.columns)];
    for (const v of all) expect(v.type === "enum").toBe(Boolean(v.options && v.options.length > 0));
  });

  it("room for the rows the notice needs", () => {
    expect(tableById("events").capacity).toBeGreaterThanOrEqual(200);
    expect(tableById("media").capacity).toBeGreaterThanOrEqual(100);
    expect(tableById("evidence").capacity).toBeGreaterThanOrEqual(100);
    expect(tableById("explanations").capacity).toBeGreaterThanOrEqual(50);
  });
});

describe("describe", () => {
  it("names every field with an A1 cell and every column with a letter", () => {
    const d = describeTemplate();
    expect(d.templateId).toBe(TEMPLATE.id);
    expect(d.version).toBe(TEMPLATE.version);
    for (const f of d.fields) expect(f.cell).toMatch(/^[A-Z]+[1-9][0-9]*$/);
    for (const t of d.tables) for (const c of t.columns) expect(c.column).toMatch(/^[A-Z]+$/);
    expect(d.fields.find((f) => f.id === "unit_category")?.options).toHaveLength(9);
    expect(d.fields.find((f) => f.id === "unit_name")).not.toHaveProperty("options");
  });
});
