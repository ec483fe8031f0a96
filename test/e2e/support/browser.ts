import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve, sep } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

/**
 * Headless Debian Chromium (playwright-core, no downloaded browser) with a fresh profile. Every
 * request is routed: the page's own origin passes, office.js and the files it loads from
 * appsforoffice.microsoft.com are answered from the @microsoft/office-js package, and anything
 * else is aborted and recorded, so a test can assert that nothing left the machine.
 */
export const CHROMIUM = "/usr/bin/chromium";
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const OFFICE_HOSTED = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const OFFICE_DIST = resolve("node_modules/@microsoft/office-js/dist");
const DOUBLE = resolve("test/e2e/support/excelDouble.js");

export interface Traffic {
  /** Paths of office.js files answered from the local package. */
  officeJs: string[];
  /** Requests to anywhere else than the page's origin: aborted. */
  blocked: string[];
  /** Requests seen by the browser that did not go through the route (web sockets and the like). */
  unrouted: string[];
}

export interface Browser {
  context: BrowserContext;
  traffic: Traffic;
  close(): Promise<void>;
}

export async function launch(origin: string, viewport = { width: 350, height: 900 }): Promise<Browser> {
  try {
    await stat(CHROMIUM);
  } catch {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does.`);
  }
  const profile = await mkdtemp(join(tmpdir(), "jw-e2e-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    ignoreHTTPSErrors: true,
    viewport,
    locale: "en-GB",
    timezoneId: "Europe/London",
  });
  context.setDefaultTimeout(15_000);
  const traffic: Traffic = { officeJs: [], blocked: [], unrouted: [] };
  await context.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.origin === origin) return route.continue();
    if (url.href.startsWith(OFFICE_HOSTED)) {
      const file = resolve(OFFICE_DIST, url.href.slice(OFFICE_HOSTED.length).split(/[?#]/)[0]);
      traffic.officeJs.push(url.pathname);
      if (!file.startsWith(OFFICE_DIST + sep)) return route.abort("accessdenied");
      try {
        await stat(file);
      } catch {
        return route.fulfill({ status: 404, body: "" });
      }
      return route.fulfill({ path: file, contentType: "text/javascript; charset=utf-8" });
    }
    traffic.blocked.push(url.href);
    return route.abort("blockedbyclient");
  });
  context.on("request", (request) => {
    const url = request.url();
    if (url.startsWith("data:") || url.startsWith("blob:")) return;
    if (new URL(url).origin !== origin && !url.startsWith(OFFICE_HOSTED) && !traffic.blocked.includes(url)) traffic.unrouted.push(url);
  });
  return {
    context,
    traffic,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export interface PaneProblems {
  pageErrors: string[];
  consoleErrors: string[];
}

/**
 * Opens the task pane with the Excel double injected before the page's scripts (and, when given,
 * the workbook an earlier page left, so the pane opens on a workbook it wrote).
 */
export async function openPane(browser: Browser, origin: string, seed?: unknown): Promise<{ page: Page; problems: PaneProblems }> {
  const page = await browser.context.newPage();
  const problems: PaneProblems = { pageErrors: [], consoleErrors: [] };
  page.on("pageerror", (e) => problems.pageErrors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") problems.consoleErrors.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  if (seed !== undefined) {
    await page.addInitScript((s) => {
      (window as unknown as { __excelDoubleSeed: unknown }).__excelDoubleSeed = s;
    }, seed);
  }
  await page.addInitScript({ path: DOUBLE });
  await page.goto(`${origin}/taskpane.html`);
  return { page, problems };
}

/** CSP violations the page reported. */
export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}
