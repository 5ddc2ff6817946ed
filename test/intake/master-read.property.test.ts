/**
 * The master reader reads exactly what the master writer writes: whatever units send (resubmissions,
 * copied codes, unread headcounts, explained and unexplained warnings, text that looks like a formula
 * or an XML escape, a report of the other type, an unreadable file), merge → master bytes → read back
 * gives the same unit rows, detail rows and 问题清单 lines. And again one level up: a city merge that
 * takes that master in (with reports sent to it directly) writes a master whose copies, with their
 * chain, read back the same.
 */
import fc from "fast-check";
import { mergeSubmissions, type MergeInput } from "../../src/core/merge";
import type { DetailTableId, MasterContent, MergeResult } from "../../src/core/merge/model";
import type { CellValue } from "../../src/core/model";
import { takeLowerMaster, type TakenMaster } from "../../src/intake/master";
import type { IncludedMaster } from "../../src/core/merge/model";
import { masterBytes } from "../../src/xlsx/master";
import { VALID_EVENTS } from "../helpers/report-builder";
import { creditCode, reportFile, unreadableFile } from "../merge/helpers";

const NAMES = ["天津市测试单位甲", '=HYPERLINK("http://x","点我")', "_x0041_协会", "+1 单位"];
const HEADCOUNTS: readonly CellValue[] = [300, "见签到表", "约300", "300人次", null];

const fileSpec = fc.record({
  unit: fc.integer({ min: 0, max: NAMES.length - 1 }),
  code: fc.constantFrom("own", "own", "blank", "neighbour"),
  day: fc.integer({ min: 1, max: 3 }),
  regulation: fc.constantFrom(...HEADCOUNTS),
  explained: fc.boolean(),
  stage: fc.constantFrom(false, false, false, true),
  events: fc.integer({ min: 0, max: 2 }),
  eventNote: fc.constantFrom(null, "=1+1", "_x005F_", "备注\n第二行"),
});
type FileSpec = typeof fileSpec extends fc.Arbitrary<infer T> ? T : never;

function inputOf(f: FileSpec, path: string): MergeInput {
  const code = { own: creditCode(f.unit + 1), blank: null, neighbour: creditCode(((f.unit + 1) % NAMES.length) + 1) }[
    f.code
  ];
  return reportFile(path, {
    fields: {
      unit_name: NAMES[f.unit],
      credit_code: code,
      fill_date: `2023-11-0${f.day}`,
      regulation_participants: f.regulation,
      ...(f.stage ? { report_type: "阶段性总结" } : {}),
    },
    tables: {
      events: VALID_EVENTS.slice(0, f.events).map((e) => ({ ...e, note: f.eventNote })),
      explanations: f.explained
        ? [{ rule: "format.approximate", location: "regulation_participants", text: "按签到表约数填写" }]
        : [],
    },
  });
}

async function readBack(result: MergeResult, path: string): Promise<TakenMaster<IncludedMaster>> {
  const bytes = await masterBytes(result, { productVersion: "test" });
  return takeLowerMaster({ name: path, path, size: bytes.length, modified: "2023-11-30T00:00:00.000Z" }, () => bytes);
}

const sourceView = (s: { path: string; name: string; sha256: string | null; carried?: unknown }) => ({
  path: s.path,
  name: s.name,
  sha256: s.sha256,
  carried: s.carried,
});

/** What a master holds of a merge: every unit row but the merge's own key and roster standing. */
function written(result: MergeResult): Omit<MasterContent, "stamp"> {
  const details = {} as Record<DetailTableId, MasterContent["details"][DetailTableId]>;
  for (const id of ["events", "media", "evidence"] as const)
    details[id] = result.details[id].map(({ key: _key, ...d }) => d);
  return {
    units: result.units.map(({ key: _key, roster: _roster, ...u }) => ({
      ...u,
      source: { ...u.source, modified: null },
    })),
    details,
    problems: result.problems,
  };
}

function expectSame(read: TakenMaster<IncludedMaster>, result: MergeResult): void {
  if (!read.ok) throw new Error(read.reason);
  const { stamp, ...content } = read.master.content;
  expect(stamp).toMatchObject({ productVersion: "test", units: result.units.length, format: 2 });
  const want = written(result);
  expect(content.units.map((u) => ({ ...u, source: sourceView(u.source) }))).toEqual(
    want.units.map((u) => ({ ...u, source: sourceView(u.source) })),
  );
  expect(content.details).toEqual(want.details);
  expect(content.problems).toEqual(want.problems);
}

describe("a master reads back as it was written", () => {
  it("holds: the units, detail rows and 问题清单 lines of any merge, and of a merge that took that master in", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fileSpec, { minLength: 1, maxLength: 5 }),
        fc.array(fileSpec, { maxLength: 3 }),
        fc.boolean(),
        async (district, direct, unreadable) => {
          const inputs = district.map((f, i) => inputOf(f, `区/收到的报表/f${i}.xlsx`));
          if (unreadable) inputs.push(unreadableFile("区/收到的报表/坏.xlsx"));
          const lower = mergeSubmissions(inputs);
          const readLower = await readBack(lower, "河西/汇总.xlsx");
          expectSame(readLower, lower);
          if (!readLower.ok) return;

          const city = mergeSubmissions(
            direct.map((f, i) => inputOf(f, `市/收到的报表/f${i}.xlsx`)),
            { masters: [readLower.master] },
          );
          expect(
            city.units.filter((u) => u.source.carried).every((u) => u.source.carried!.via[0] === "河西/汇总.xlsx"),
          ).toBe(true);
          expectSame(await readBack(city, "天津/汇总.xlsx"), city);
        },
      ),
      { numRuns: 12 },
    );
  }, 120_000);
});
