/** The product version, read from package.json (one place, shown by --version). */
import pkg from "../../package.json";

export const VERSION: string = pkg.version;
