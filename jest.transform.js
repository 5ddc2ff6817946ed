/**
 * How Jest compiles TypeScript (and the ES-module-only packages it loads): esbuild, which the project
 * already uses for its CLI bundle, strips the types in a fraction of ts-jest's time. A file that calls
 * jest.mock goes through ts-jest instead, which hoists the call above the imports as Jest expects
 * (esbuild keeps it where it is written, after the modules it mocks were loaded). Neither checks types:
 * `npm run typecheck` does.
 */
const crypto = require("crypto");
const esbuild = require("esbuild");
const tsJest = require("ts-jest").default;

const MOCKS_MODULES = /\bjest\s*\.\s*(mock|unmock|enableAutomock|disableAutomock)\s*\(/;
const OWN = crypto.createHash("sha1").update(require("fs").readFileSync(__filename)).digest("hex");

function loaderOf(file) {
  if (file.endsWith(".tsx")) return "tsx";
  if (file.endsWith(".ts")) return "ts";
  return "js";
}

module.exports = {
  createTransformer() {
    const hoisting = tsJest.createTransformer({ diagnostics: false });
    return {
      canInstrument: false,
      process(source, file, options) {
        if (MOCKS_MODULES.test(source)) return hoisting.process(source, file, options);
        const out = esbuild.transformSync(source, {
          loader: loaderOf(file),
          format: "cjs",
          target: "es2020",
          jsx: "automatic",
          sourcemap: "external",
          sourcefile: file,
          // Jest's CommonJS runtime has no import(): compile it to a require, as ts-jest did.
          supported: { "dynamic-import": false },
        });
        return { code: out.code, map: out.map };
      },
      getCacheKey(source, file, options) {
        if (MOCKS_MODULES.test(source)) return hoisting.getCacheKey(source, file, options);
        return crypto.createHash("sha1").update([OWN, esbuild.version, file, source].join("\0")).digest("hex");
      },
    };
  },
};
