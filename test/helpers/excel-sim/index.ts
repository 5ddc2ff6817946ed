/** The strict Excel stand-in: see sim.ts (the stand-in), api.ts (Office.js semantics), model.ts (the workbook), reader.ts (inserted files). */
export { ExcelSim, type SimOptions, type SimReader, type SimSource, type SimStats } from "./sim";
export { SimError } from "./api";
