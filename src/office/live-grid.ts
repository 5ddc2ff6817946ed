/**
 * The workbook's grid, kept between re-validations so a change re-reads only the sheets it touched:
 * a full read costs two syncs (sheets and names, then every used range); a refresh of some sheets
 * costs one (those sheets' used ranges and the names, which inserted rows move).
 */
import type { SheetGrid, WorkbookGrid } from "../core/model";
import type { ExcelRunner } from "./runner";
import { namedCellsFrom } from "../host-kit/named-cells";
import { sheetGridFromUsedRange } from "./read-grid";

interface CachedSheet {
  readonly id: string;
  readonly grid: SheetGrid;
}

type Names = { name: string; type: string; value: unknown }[];

export class LiveGrid {
  private sheets: CachedSheet[] | null = null;
  private names: Names = [];

  constructor(private readonly excel: ExcelRunner) {}

  /** Forget what was read (after an insert, or when a refresh meets a sheet it does not know). */
  reset(): void {
    this.sheets = null;
  }

  /** The sheet's name when it was last read. */
  nameOf(sheetId: string): string | undefined {
    return this.sheets?.find((s) => s.id === sheetId)?.grid.name;
  }

  knows(sheetId: string): boolean {
    return this.sheets?.some((s) => s.id === sheetId) ?? false;
  }

  /** Re-reads the given sheets (or everything when nothing is cached or a sheet is new). */
  async read(changedIds: ReadonlySet<string> | null): Promise<WorkbookGrid> {
    const cached = this.sheets;
    if (cached && changedIds && [...changedIds].every((id) => this.knows(id))) return this.refresh(cached, changedIds);
    return this.readAll();
  }

  private readAll(): Promise<WorkbookGrid> {
    return this.excel.run({ delayForCellEdit: true }, async (context) => {
      const worksheets = context.workbook.worksheets;
      const names = context.workbook.names;
      worksheets.load("items/id,items/name,items/visibility");
      names.load("items/name,items/type,items/value");
      await context.sync();
      const ranges = worksheets.items.map((ws) => {
        const used = ws.getUsedRangeOrNullObject(true);
        used.load("values,valueTypes,rowIndex,columnIndex");
        return { ws, used };
      });
      await context.sync();
      this.sheets = ranges.map(({ ws, used }) => ({
        id: ws.id,
        grid: sheetGridFromUsedRange(ws.name, ws.visibility !== "Visible", used.isNullObject ? null : used),
      }));
      this.names = names.items.map((n) => ({ name: n.name, type: String(n.type), value: n.value as unknown }));
      return this.grid();
    });
  }

  private refresh(cached: CachedSheet[], ids: ReadonlySet<string>): Promise<WorkbookGrid> {
    return this.excel.run({ delayForCellEdit: true }, async (context) => {
      const names = context.workbook.names;
      names.load("items/name,items/type,items/value");
      const reads = [...ids].map((id) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(id);
        ws.load("name,visibility");
        const used = ws.getUsedRangeOrNullObject(true);
        used.load("values,valueTypes,rowIndex,columnIndex");
        return { id, ws, used };
      });
      await context.sync();
      const fresh = new Map(
        reads.map(({ id, ws, used }) => [
          id,
          ws.isNullObject
            ? null
            : sheetGridFromUsedRange(ws.name, ws.visibility !== "Visible", used.isNullObject ? null : used),
        ]),
      );
      this.sheets = cached.flatMap((s) => {
        if (!fresh.has(s.id)) return [s];
        const grid = fresh.get(s.id);
        return grid ? [{ id: s.id, grid }] : []; // a deleted sheet leaves the grid
      });
      this.names = names.items.map((n) => ({ name: n.name, type: String(n.type), value: n.value as unknown }));
      return this.grid();
    });
  }

  private grid(): WorkbookGrid {
    const sheets = (this.sheets ?? []).map((s) => s.grid);
    return { sheets, names: namedCellsFrom(this.names, new Set(sheets.map((s) => s.name))) };
  }
}
