// Builds the add-in in the layout of the Office "Excel-Custom-Functions-Shared" template:
// one taskpane.html carries the task pane, custom functions and commands (shared runtime),
// and dist/functions.js is also a self-contained bundle that runs on its own.

const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { WebpackError, Compilation, sources } = require("webpack");

const urlDev = "https://localhost:3000/";
const urlProd = "https://www.contoso.com/"; // CHANGE THIS TO YOUR PRODUCTION DEPLOYMENT LOCATION

const FUNCTIONS_JSON = "functions.json";

// Certificates written by `npx office-addin-dev-certs install`. Where they are missing,
// webpack-dev-server makes its own self-signed certificate (browsers will warn once).
const certDir = path.join(os.homedir(), ".office-addin-dev-certs");
const certFiles = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };

function httpsServer() {
  const files = Object.entries(certFiles).map(([k, f]) => [k, path.join(certDir, f)]);
  if (!files.every(([, file]) => fs.existsSync(file))) return "https";
  return {
    type: "https",
    options: Object.fromEntries(files.map(([k, file]) => [k, fs.readFileSync(file)])),
  };
}

/**
 * After CustomFunctionsMetadataPlugin: fails the build when functions.json is missing or lists no
 * function (the metadata generator can skip a file without an error), and in production rewrites
 * the dev URLs inside it (the functions' help links) like the manifest's.
 */
class FunctionsMetadataCheckPlugin {
  constructor(rewrite) {
    this.rewrite = rewrite;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("FunctionsMetadataCheckPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "FunctionsMetadataCheckPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const asset = compilation.getAsset(FUNCTIONS_JSON);
          if (!asset) {
            if (compilation.errors.length === 0) {
              compilation.errors.push(new WebpackError(`${FUNCTIONS_JSON} was not generated from src/functions/functions.ts`));
            }
            return;
          }
          const text = asset.source.source().toString();
          let count = 0;
          try {
            count = JSON.parse(text).functions?.length ?? 0;
          } catch (e) {
            compilation.errors.push(new WebpackError(`${FUNCTIONS_JSON} is not valid JSON: ${e.message}`));
            return;
          }
          if (count === 0) {
            compilation.errors.push(new WebpackError(`${FUNCTIONS_JSON} lists no function: is each one tagged @customfunction?`));
          }
          if (this.rewrite) {
            compilation.updateAsset(FUNCTIONS_JSON, new sources.RawSource(this.rewrite(text)));
          }
        }
      );
    });
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const { toProductionUrls } = await import("./scripts/prod-url.mjs");
  const toProd = (content) => toProductionUrls(content.toString(), urlDev, urlProd);

  return {
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
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
          // Type-checks while bundling: a type error fails the build.
          use: { loader: "ts-loader", options: { onlyCompileBundledFiles: true } },
        },
      ],
    },
    optimization: {
      // Each entry carries its own runtime and modules, so dist/functions.js loads on its own.
      runtimeChunk: false,
      splitChunks: false,
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: FUNCTIONS_JSON,
        input: "./src/functions/functions.ts",
      }),
      new FunctionsMetadataCheckPlugin(dev ? null : toProd),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane", "functions", "commands"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext][query]" },
          { from: "src/help/help.html", to: "help.html" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform: (content) => (dev ? content : toProd(content)),
          },
        ],
      }),
    ],
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      server: httpsServer(),
      port: Number(process.env.npm_package_config_dev_server_port) || 3000,
      static: false,
      // Live reload only: three entries on one page each carry a webpack runtime, and hot
      // module replacement expects one.
      hot: false,
    },
  };
};
