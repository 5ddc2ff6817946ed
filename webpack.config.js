/**
 * Builds the task pane (taskpane.html) and the ribbon's function file (commands.html) into dist/,
 * with the icons and the manifest. `npm run build` needs no certificates; only `webpack serve`
 * (npm run dev-server / npm start) asks office-addin-dev-certs for the localhost HTTPS certificate.
 *
 * Production URL: the manifest names https://localhost:3000/ (the dev server). Set ADDIN_PUBLIC_URL
 * (https, ending in "/") when building for the server the add-in is published on, and dist/manifest.xml
 * will point there instead.
 *
 * The template the pane inserts (dist/template.xlsx) is written at build time by the same writer as
 * `template -o` (TemplateAssetPlugin), so the pane bundle carries no .xlsx writer.
 *
 * office.js comes from Microsoft's CDN. OFFICE_JS_URL (https) replaces that address in the built
 * pages, for networks that cannot reach the CDN and host a copy themselves (README: 部署 → 内网).
 *
 * `--env sim` (npm run sim, the browser test) builds the pane into dist-sim/ against the strict Excel
 * stand-in (test/helpers/excel-sim/browser.ts) instead of office.js: taskpane.html; and against the
 * strict WPS stand-in (test/helpers/wps-sim/browser.ts): wps-taskpane.html.
 *
 * `--env wps` (npm run build:wps) builds the WPS 表格 加载项 into dist-wps/: the entry page WPS loads
 * (index.html, the ribbon's callbacks), ribbon.xml, the pane (taskpane.html) on the WPS adapter, the
 * template and the images; scripts/package-wps.ts then lays out what wpsjs publishes.
 */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const urlDev = "https://localhost:3000/";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

function officeJsUrl() {
  const url = process.env.OFFICE_JS_URL;
  if (!url) return OFFICE_JS_CDN;
  if (!/^https:\/\/[^"<>\s]+\/office\.js$/.test(url)) {
    throw new Error(`OFFICE_JS_URL must be an https URL ending in /office.js, got ${url}`);
  }
  return url;
}

/** Emits template.xlsx, written by src/xlsx/template-writer.ts (the `template -o` writer). */
class TemplateAssetPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("TemplateAssetPlugin", (compilation) => {
      compilation.hooks.processAssets.tapPromise(
        { name: "TemplateAssetPlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        async () => {
          const tsx = require("tsx/cjs/api");
          const writerPath = path.resolve(__dirname, "src/xlsx/template-writer.ts");
          const { writeTemplate } = tsx.require(writerPath, __filename);
          compilation.fileDependencies.add(writerPath);
          const bytes = await writeTemplate();
          compilation.emitAsset("template.xlsx", new compiler.webpack.sources.RawSource(bytes));
        },
      );
    });
  }
}

/** Points the built pages' office.js script at `url`, or removes it (url null: the sim page). */
class OfficeJsPlugin {
  constructor(url) {
    this.url = url;
  }
  apply(compiler) {
    compiler.hooks.compilation.tap("OfficeJsPlugin", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap("OfficeJsPlugin", (data) => {
        if (data.outputName.startsWith("wps-")) return data; // the WPS pages load no office.js
        // Production builds minify the page, so the tag is found by its address, not its spelling.
        const cdn = OFFICE_JS_CDN.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
        const tag = new RegExp(`<script[^>]*\\bsrc=["']?${cdn}["']?[^>]*>\\s*</script>`);
        if (!tag.test(data.html)) throw new Error(`${data.outputName}: office.js script tag not found`);
        data.html = data.html.replace(tag, (found) => (this.url ? found.replace(OFFICE_JS_CDN, this.url) : ""));
        return data;
      });
    });
  }
}

function publicUrl() {
  const url = process.env.ADDIN_PUBLIC_URL;
  if (!url) return urlDev;
  if (!/^https:\/\/.+\/$/.test(url)) {
    throw new Error(`ADDIN_PUBLIC_URL must be an https URL ending in "/", got ${url}`);
  }
  return url;
}

/** The dev server's HTTPS options; installs a trusted localhost certificate on first use. */
async function getHttpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

/** The WPS 加载项 (dist-wps/): its own pages, no office.js, no manifest. */
function wpsBuild(dev) {
  return {
    entry: { index: "./src/entry/wps-ribbon.ts", taskpane: "./src/entry/wps-taskpane.tsx" },
    output: {
      path: path.resolve(__dirname, "dist-wps"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: "index.html", template: "./src/entry/wps-index.html", chunks: ["index"] }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/entry/wps-taskpane.html",
        chunks: ["taskpane"],
      }),
      new TemplateAssetPlugin(),
      new CopyWebpackPlugin({
        patterns: [
          { from: "wps/ribbon.xml", to: "ribbon.xml" },
          { from: "assets/*.png", to: "images/[name][ext]" },
        ],
      }),
    ],
  };
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = Boolean(env.WEBPACK_SERVE);
  const sim = Boolean(env.sim);
  const wps = Boolean(env.wps);
  const urlProd = publicUrl();
  if (!dev && !serving && !wps && !process.env.ADDIN_PUBLIC_URL) {
    // A production manifest that points at localhost works on no user's machine: say so loudly.
    console.warn(
      "\n\x1b[1;33m警告 WARNING: ADDIN_PUBLIC_URL 未设置，dist/manifest.xml 仍指向 https://localhost:3000/，只能在本机调试使用。\n" +
        "发布前请这样构建：ADDIN_PUBLIC_URL=https://服务器地址/路径/ npm run build\x1b[0m\n",
    );
  }
  function officePlugins() {
    return [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/entry/taskpane.html",
        // The stand-in must define Office and Excel before the pane looks for them.
        chunks: sim ? ["excel-sim", "taskpane"] : ["taskpane"],
        chunksSortMode: "manual",
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/entry/function-file.html",
        chunks: ["commands"],
      }),
      new TemplateAssetPlugin(),
      new OfficeJsPlugin(sim ? null : officeJsUrl()),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "[name][ext]",
            transform(content) {
              if (dev) return content;
              return content.toString().replace(new RegExp(urlDev, "g"), urlProd);
            },
          },
        ],
      }),
      ...(sim
        ? [
            new HtmlWebpackPlugin({
              filename: "wps-taskpane.html",
              template: "./src/entry/wps-taskpane.html",
              // The WPS stand-in must define Application before the pane looks for it.
              chunks: ["wps-sim", "wps-taskpane"],
              chunksSortMode: "manual",
            }),
          ]
        : []),
    ];
  }
  const wpsConfig = wps ? wpsBuild(dev) : null;
  return {
    devtool: "source-map",
    entry: wpsConfig?.entry ?? {
      ...(sim
        ? {
            "excel-sim": "./test/helpers/excel-sim/browser.ts",
            "wps-sim": "./test/helpers/wps-sim/browser.ts",
            "wps-taskpane": "./src/entry/wps-taskpane.tsx",
          }
        : {}),
      taskpane: "./src/entry/taskpane.tsx",
      commands: "./src/entry/function-file.ts",
    },
    output: wpsConfig?.output ?? {
      path: path.resolve(__dirname, sim ? "dist-sim" : "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      alias: {
        // The master writer (in the 汇总 worker) uses exceljs's streaming writer, whose zip it replaces.
        archiver$: path.resolve(__dirname, "webpack/archiver-shim.js"),
        // The stand-in reads inserted workbooks with exceljs's prebuilt browser bundle.
        ...(sim ? { exceljs$: path.resolve(__dirname, "node_modules/exceljs/dist/exceljs.min.js") } : {}),
      },
      // What exceljs's streaming writer asks of Node, in the browser: streams and buffers from their
      // browser packages; the file system and crypto are never reached on the master's path.
      fallback: {
        stream: require.resolve("readable-stream"),
        buffer: require.resolve("buffer/"),
        events: require.resolve("events/"),
        string_decoder: require.resolve("string_decoder/"),
        fs: false,
        crypto: false,
        path: false,
        os: false,
        zlib: false,
        util: false,
      },
    },
    module: {
      noParse: /exceljs\.min\.js$/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // Type errors are `npm run typecheck`'s job; ES modules let webpack drop unused Fluent UI.
              transpileOnly: true,
              compilerOptions: { module: "es2020", sourceMap: true },
            },
          },
        },
      ],
    },
    plugins: [
      new (require("webpack").ProvidePlugin)({
        Buffer: ["buffer", "Buffer"],
        process: path.resolve(__dirname, "webpack/process-shim.js"),
      }),
      ...(wpsConfig?.plugins ?? officePlugins()),
    ],
    performance: {
      // React + Fluent UI make a ~1 MB task pane; it loads once from the add-in's own server.
      maxAssetSize: 2 * 1024 * 1024,
      maxEntrypointSize: 2 * 1024 * 1024,
    },
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: serving ? await getHttpsOptions() : {} },
      port: process.env.npm_package_config_dev_server_port || 3000,
    },
  };
};
