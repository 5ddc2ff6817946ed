/**
 * Builds the task pane (taskpane.html) and the ribbon's function file (commands.html) into dist/,
 * with the icons and the manifest. `npm run build` needs no certificates; only `webpack serve`
 * (npm run dev-server / npm start) asks office-addin-dev-certs for the localhost HTTPS certificate.
 *
 * Production URL: the manifest names https://localhost:3000/ (the dev server). Set ADDIN_PUBLIC_URL
 * (https, ending in "/") when building for the server the add-in is published on, and dist/manifest.xml
 * will point there instead.
 */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const urlDev = "https://localhost:3000/";

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

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = Boolean(env.WEBPACK_SERVE);
  const urlProd = publicUrl();
  if (!dev && !serving && !process.env.ADDIN_PUBLIC_URL) {
    // A production manifest that points at localhost works on no user's machine: say so loudly.
    console.warn(
      "\n\x1b[1;33m警告 WARNING: ADDIN_PUBLIC_URL 未设置，dist/manifest.xml 仍指向 https://localhost:3000/，只能在本机调试使用。\n" +
        "发布前请这样构建：ADDIN_PUBLIC_URL=https://服务器地址/路径/ npm run build\x1b[0m\n",
    );
  }
  return {
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
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
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
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
