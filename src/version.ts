/** The product version, read from package.json (one place: --version, the master's 汇总信息, the pane). */
import pkg from "../package.json";

export const VERSION: string = pkg.version;
