/**
 * A master named with --include-master or --previous is untrusted like any submission: its size is
 * judged before its bytes are asked for, and its zip directory before anything is inflated.
 */
import { mergeSubmissions } from "../../src/core/merge";
import { takeLowerMaster, takePreviousMaster, MASTER_LIMITS } from "../../src/intake/master";
import { masterBytes } from "../../src/xlsx/master";
import { buildZip, deflatedEntry, unzipParts } from "../guard/craft";
import { creditCode, reportFile } from "../merge/helpers";

const facts = (size: number) => ({ name: "汇总.xlsx", path: "区/汇总.xlsx", size, modified: null });

describe("a master taken in is checked as a submission is", () => {
  it("a file over the limit is refused by its size, its bytes never read", async () => {
    const read = jest.fn(() => new Uint8Array(0));
    for (const take of [takeLowerMaster, takePreviousMaster]) {
      const r = await take(facts(MASTER_LIMITS.maxFileBytes + 1), read);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.reason).toMatch(/总表“区\/汇总\.xlsx”不能使用：文件过大/);
    }
    expect(read).not.toHaveBeenCalled();
  });

  it("a master whose zip directory promises an entry beyond the limits is refused before inflating it", async () => {
    const master = await masterBytes(
      mergeSubmissions([
        reportFile("a.xlsx", { fields: { unit_name: "天津市测试单位1", credit_code: creditCode(1) } }),
      ]),
      { productVersion: "test" },
    );
    const honest = await takeLowerMaster(facts(master.length), () => master);
    expect(honest.ok).toBe(true);
    const entries = [...(await unzipParts(Buffer.from(master)))].map(([name, data]) => deflatedEntry(name, data));
    const sheet = entries.findIndex((e) => e.name === "xl/worksheets/sheet1.xml");
    entries[sheet] = { ...entries[sheet], uncompressedSize: MASTER_LIMITS.maxEntryBytes + 1 };
    const bomb = new Uint8Array(buildZip(entries));
    for (const take of [takeLowerMaster, takePreviousMaster]) {
      const r = await take(facts(bomb.length), () => bomb);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.reason).toMatch(
        /^(下级总表|上次的总表)“区\/汇总\.xlsx”不能使用：工作簿解压后的内容异常庞大或与文件记录不符，可能已损坏或被恶意构造，已拒绝读取。$/,
      );
    }
  });
});
