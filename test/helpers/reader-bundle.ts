/**
 * The values-only reader (src/read) with the core, bundled by webpack for the browser from
 * test/read/browser-entry.ts as `TjReader.findingsOf` in reader.js: what the bundle and Chromium
 * tests run. Resolves with webpack's stats; rejects on a build error.
 */
import * as path from "path";
import webpack from "webpack";

export function bundleReader(outDir: string): Promise<webpack.Stats> {
  const compiler = webpack({
    mode: "production",
    target: "web",
    entry: path.resolve(__dirname, "../read/browser-entry.ts"),
    output: { path: outDir, filename: "reader.js", library: { name: "TjReader", type: "var" } },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        { test: /\.ts$/, loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "es2020" } } },
      ],
    },
    performance: { hints: false },
  });
  return new Promise((resolve, reject) =>
    compiler.run((err, stats) =>
      err || !stats
        ? reject(err)
        : stats.hasErrors()
          ? reject(new Error(stats.toString("errors-only")))
          : resolve(stats),
    ),
  );
}
