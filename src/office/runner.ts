/**
 * Excel.run, as a parameter so tests can hand in a stand-in (test/helpers/excel-sim). Its own module,
 * so read-grid.ts and workbook.ts both import it without importing each other.
 * The options form carries delayForCellEdit for batches that may meet a user typing in a cell.
 */
export interface ExcelRunner {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}
