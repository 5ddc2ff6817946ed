/** The strict WPS 表格 stand-in: see sim.ts (the stand-in and its options) and objects.ts (WPS's objects). */
export { WpsSim, type WpsSimOptions, type WpsSimStats } from "./sim";
export { CVERR_OF, WpsSimError } from "./objects";
