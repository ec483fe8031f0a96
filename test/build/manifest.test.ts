/**
 * The add-in manifest and the build that serves it: checked offline, since
 * `office-addin-manifest validate` needs Microsoft's online service.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { DOMParser, type Document, type Element } from "@xmldom/xmldom";
import { requireBuild } from "../support/bundle";

const ROOT = path.resolve(__dirname, "../..");
const DEV = "https://localhost:3000/";
const MANIFEST = path.join(ROOT, "manifest.xml");
const manifestText = fs.readFileSync(MANIFEST, "utf8");

/** Parses XML, failing on any error or warning the parser reports (not well-formed). */
function parseXml(text: string): Document {
  const problems: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => problems.push(`${level}: ${message}`) }).parseFromString(
    text,
    "text/xml",
  );
  assert.deepEqual(problems, [], "manifest.xml is not well-formed");
  return doc;
}

const byName = (root: Document | Element, localName: string): Element[] =>
  Array.from(root.getElementsByTagNameNS("*", localName));
const one = (root: Document | Element, localName: string): Element => {
  const found = byName(root, localName);
  assert.equal(found.length, 1, `exactly one <${localName}>`);
  return found[0];
};
const text = (el: Element) => (el.textContent ?? "").trim();
/** The child element of <OfficeApp> itself (Description, Hosts… recur inside VersionOverrides). */
const topLevel = (doc: Document, localName: string): Element => {
  const found = Array.from(doc.documentElement!.childNodes).filter(
    (n): n is Element => n.nodeType === 1 && (n as Element).localName === localName,
  );
  assert.equal(found.length, 1, `exactly one <${localName}> in <OfficeApp>`);
  return found[0];
};

/** Every URL the manifest names: DefaultValue attributes and AppDomain entries. */
function urlsIn(doc: Document): string[] {
  const all = byName(doc, "*");
  const attrs = all.map((el) => el.getAttribute("DefaultValue") ?? "").filter((v) => /^https?:/i.test(v));
  return [...attrs, ...byName(doc, "AppDomain").map(text)];
}

describe("manifest.xml", () => {
  const doc = parseXml(manifestText);
  const resources = one(doc, "Resources");
  /** id → DefaultValue, for every resource defined. */
  const defined = new Map<string, string[]>();
  for (const el of byName(resources, "*")) {
    const id = el.getAttribute("id");
    if (id) defined.set(id, [...(defined.get(id) ?? []), el.getAttribute("DefaultValue") ?? ""]);
  }
  const resource = (id: string) => {
    assert.ok(defined.has(id), `resource ${id} is defined`);
    return defined.get(id)![0];
  };
  const referenced = byName(doc, "*")
    .map((el) => el.getAttribute("resid"))
    .filter((id): id is string => Boolean(id));

  it("is well-formed XML (xmllint too, where installed)", () => {
    assert.equal(doc.documentElement?.localName, "OfficeApp");
    const xmllint = spawnSync("xmllint", ["--noout", MANIFEST], { encoding: "utf8" });
    if (xmllint.error) return; // not installed: the parser above is the check
    assert.equal(xmllint.status, 0, xmllint.stderr);
  });

  it("is a task pane add-in for workbooks with a GUID id and the partnership's names", () => {
    assert.equal(doc.documentElement?.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type"), "TaskPaneApp");
    assert.match(text(topLevel(doc, "Id")), /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    assert.equal(text(topLevel(doc, "ProviderName")), "Joint working partnership");
    assert.equal(topLevel(doc, "DisplayName").getAttribute("DefaultValue"), "Joint working");
    assert.ok((topLevel(doc, "Description").getAttribute("DefaultValue") ?? "").length > 20);
    assert.deepEqual(byName(topLevel(doc, "Hosts"), "Host").map((h) => h.getAttribute("Name")), ["Workbook"]);
    assert.deepEqual(byName(one(doc, "VersionOverrides"), "Host").map((h) => h.getAttribute("xsi:type")), ["Workbook"]);
  });

  it("defines every resid it references exactly once, within the 32-character limit, and nothing unused", () => {
    assert.ok(referenced.length > 0);
    for (const id of new Set(referenced)) {
      assert.equal(defined.get(id)?.length, 1, `resid ${id} is defined exactly once in <Resources>`);
      assert.ok(id.length <= 32, `resid ${id} is at most 32 characters`);
    }
    for (const [id, values] of defined) {
      assert.equal(values.length, 1, `resource ${id} is defined once`);
      assert.ok(referenced.includes(id), `resource ${id} is used`);
    }
  });

  it("points every URL at the dev server, https://localhost:3000/", () => {
    const urls = urlsIn(doc);
    assert.ok(urls.length >= 10);
    for (const url of urls) {
      assert.ok(url === DEV.slice(0, -1) || url.startsWith(DEV), `${url} starts with ${DEV}`);
    }
  });

  it("needs the shared runtime and the custom functions runtime, and reads and writes the workbook", () => {
    const sets = new Map(byName(topLevel(doc, "Requirements"), "Set").map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")]));
    assert.equal(sets.get("SharedRuntime"), "1.1");
    assert.equal(sets.get("CustomFunctionsRuntime"), "1.1");
    assert.equal(text(topLevel(doc, "Permissions")), "ReadWriteDocument");
    assert.equal(one(topLevel(doc, "DefaultSettings"), "SourceLocation").getAttribute("DefaultValue"), `${DEV}taskpane.html`);
  });

  it("runs the task pane, functions and commands in one long-lived runtime (shared runtime)", () => {
    const runtime = one(doc, "Runtime");
    assert.equal(runtime.getAttribute("lifetime"), "long");
    const page = runtime.getAttribute("resid")!;
    assert.equal(resource(page), `${DEV}taskpane.html`);

    const host = runtime.parentNode!.parentNode as Element;
    const children = Array.from(host.childNodes).filter((n): n is Element => n.nodeType === 1).map((n) => n.localName);
    assert.ok(children.indexOf("Runtimes") >= 0 && children.indexOf("Runtimes") < children.indexOf("AllFormFactors"), "Runtimes comes before AllFormFactors");

    const functionsPoint = byName(one(doc, "AllFormFactors"), "ExtensionPoint")[0];
    assert.equal(functionsPoint.getAttribute("xsi:type"), "CustomFunctions");
    const sourceOf = (parent: string) => one(one(functionsPoint, parent), "SourceLocation").getAttribute("resid")!;
    assert.equal(sourceOf("Page"), page);
    assert.equal(resource(sourceOf("Script")), `${DEV}functions.js`);
    assert.equal(resource(sourceOf("Metadata")), `${DEV}functions.json`);
    assert.equal(resource(one(functionsPoint, "Namespace").getAttribute("resid")!), "JW");

    assert.equal(one(doc, "FunctionFile").getAttribute("resid"), page);
    const action = one(doc, "Action");
    assert.equal(action.getAttribute("xsi:type"), "ShowTaskpane");
    assert.equal(text(one(action, "TaskpaneId")), "ButtonId1");
    assert.equal(one(action, "SourceLocation").getAttribute("resid"), page);
  });

  it("has a ribbon button labelled Joint working", () => {
    const button = byName(doc, "Control").find((c) => c.getAttribute("xsi:type") === "Button");
    assert.ok(button);
    const label = byName(button, "Label")[0].getAttribute("resid")!;
    assert.equal(resource(label), "Joint working");
  });

  it("references only icons that exist in assets/, at the size they claim", () => {
    const images = urlsIn(doc).filter((u) => u.endsWith(".png"));
    assert.ok(images.length >= 5);
    for (const url of images) {
      const file = path.join(ROOT, url.slice(DEV.length));
      assert.ok(fs.existsSync(file), `${url} → ${path.relative(ROOT, file)} exists`);
      const size = /icon-(\d+)\.png$/.exec(url);
      if (size) {
        const png = fs.readFileSync(file);
        assert.equal(png.readUInt32BE(16), Number(size[1]), `${url} width`);
        assert.equal(png.readUInt32BE(20), Number(size[1]), `${url} height`);
      }
    }
    for (const image of byName(resources, "Image")) {
      const size = /Icon\.(\d+)x\1/.exec(image.getAttribute("id") ?? "");
      if (size) assert.ok(image.getAttribute("DefaultValue")!.endsWith(`icon-${size[1]}.png`));
    }
  });
});

describe("production URLs", () => {
  let toProductionUrls: (text: string, urlDev: string, urlProd: string) => string;
  before(async () => {
    ({ toProductionUrls } = await import("../../scripts/prod-url.mjs"));
  });

  it("rewrites every occurrence, not just the first", () => {
    const count = (s: string, sub: string) => s.split(sub).length - 1;
    const devCount = count(manifestText, DEV);
    assert.ok(devCount > 5);
    const prod = toProductionUrls(manifestText, DEV, "https://councils.example.org/jw/");
    assert.equal(count(prod, "localhost"), 0);
    assert.equal(count(prod, "https://councils.example.org/jw/"), devCount);
    assert.match(prod, /<AppDomain>https:\/\/councils\.example\.org<\/AppDomain>/);
    assert.equal(toProductionUrls("a https://localhost:3000/x b https://localhost:3000/y", DEV, "https://p.example/"), "a https://p.example/x b https://p.example/y");
  });

  it("is what webpack.config.js applies to manifest*.xml in production, and only there", async () => {
    type Pattern = { from: string; transform?: (content: Buffer) => string | Buffer };
    type Config = { plugins: { patterns?: Pattern[] }[] };
    const configFn = createRequire(__filename)(path.join(ROOT, "webpack.config.js")) as (env: object, options: object) => Promise<Config>;
    const transformFor = async (mode: string) => {
      const config = await configFn({ WEBPACK_BUILD: true }, { mode });
      const pattern = config.plugins.flatMap((p) => p.patterns ?? []).find((p) => p.from === "manifest*.xml");
      assert.ok(pattern?.transform, "CopyWebpackPlugin copies manifest*.xml with a transform");
      return (content: string) => pattern.transform!(Buffer.from(content)).toString();
    };
    assert.equal((await transformFor("development"))(manifestText), manifestText);
    const prod = (await transformFor("production"))(manifestText);
    assert.doesNotMatch(prod, /localhost/);
    const prodUrl = /<SourceLocation DefaultValue="([^"]*)taskpane\.html"/.exec(prod)?.[1];
    assert.ok(prodUrl && prodUrl.startsWith("https://"));
    assert.equal(prod, toProductionUrls(manifestText, DEV, prodUrl));
  });
});

describe("the build (dist/)", () => {
  it("holds manifest.xml and every file it names, relative to the manifest's base URL", () => {
    const built = fs.readFileSync(requireBuild("manifest.xml"), "utf8");
    const doc = parseXml(built);
    const base = /<SourceLocation DefaultValue="([^"]*)taskpane\.html"/.exec(built)?.[1];
    assert.ok(base);
    for (const url of urlsIn(doc).filter((u) => u.startsWith(base))) {
      const file = url.slice(base.length).replace(/#.*$/, "");
      if (file) requireBuild(file);
    }
  });

  it("serves one taskpane.html loading the task pane, functions and commands bundles", () => {
    const html = fs.readFileSync(requireBuild("taskpane.html"), "utf8");
    for (const chunk of ["taskpane", "functions", "commands"]) {
      assert.match(html, new RegExp(`<script[^>]*src="?${chunk}\\.js"?`), `taskpane.html loads ${chunk}.js`);
    }
    assert.match(html, /appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js/);
    requireBuild("help.html");
  });

  it("keeps functions.js a self-contained bundle (no runtime or split chunk to load first)", () => {
    const files = fs.readdirSync(path.dirname(requireBuild("functions.js"))).filter((f) => f.endsWith(".js"));
    // The lazy chunks: exceljs (loaded only to read or write an .xlsx), the templates, true-up and annual report panels (each on its tab's first opening).
    assert.deepEqual(files.sort(), ["commands.js", "exceljs.js", "functions.js", "report.js", "taskpane.js", "templates.js", "trueup.js"]);
    assert.doesNotMatch(fs.readFileSync(requireBuild("functions.js"), "utf8"), /webpackChunk/);
  });
});
