// Loads pages of an output folder in headless Chromium (Debian's, through puppeteer-core: no
// browser download) and prints, per page, what a reviewer would check: axe-core's violations
// for WCAG 2.2 AA and best practice, whether a 320 px wide window scrolls sideways, the
// visible text, the body's computed font-family, and anything of a hostile source that became live (dialogs, on… attributes,
// javascript:/data: links). Usage: node check.mjs OUT_DIR PAGE… (pages relative to OUT_DIR).
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { createRequire } from "node:module";
import puppeteer from "puppeteer-core";

const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
const [outDir, ...pages] = process.argv.slice(2);
const types = { ".html": "text/html; charset=utf-8", ".png": "image/png", ".svg": "image/svg+xml",
  ".jpg": "image/jpeg", ".pdf": "application/pdf", ".txt": "text/plain; charset=utf-8" };

// The output folder, as a web host would serve it.
const server = createServer(async (request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url, "http://x").pathname));
  if (path.includes("..")) { response.writeHead(404).end(); return; }
  try {
    const body = await readFile(join(outDir, path));
    response.writeHead(200, { "Content-Type": types[extname(path)] ?? "application/octet-stream" }).end(body);
  } catch { response.writeHead(404).end(); }
});
await new Promise(done => server.listen(0, "127.0.0.1", done));
const base = `http://127.0.0.1:${server.address().port}/`;

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const results = [];
for (const page of pages) {
  const tab = await browser.newPage();
  const dialogs = [];
  tab.on("dialog", async dialog => { dialogs.push(dialog.message()); await dialog.dismiss(); });
  // The pages allow no script: axe is put in past their policy, as a reviewer's tool is.
  await tab.setBypassCSP(true);
  await tab.setViewport({ width: 1024, height: 800 });
  await tab.goto(base + page, { waitUntil: "load" });
  await tab.addScriptTag({ content: axeSource });
  const axe = await tab.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    });
    return result.violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(" ")).slice(0, 5) }));
  });
  await tab.setViewport({ width: 320, height: 640 });
  const narrow = await tab.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  const facts = await tab.evaluate(() => ({
    text: document.body.innerText,
    handlers: [...document.querySelectorAll("*")].flatMap(e => [...e.attributes].map(a => a.name)).filter(n => n.startsWith("on")),
    badLinks: [...document.querySelectorAll("a[href]")].map(a => a.getAttribute("href")).filter(h => /^\s*(javascript|data):/i.test(h)),
    scripts: document.querySelectorAll("script").length,
    // The font the page asks for, as the browser read the style sheet.
    fontFamily: getComputedStyle(document.body).fontFamily,
  }));
  results.push({ page, axe, narrow, dialogs, ...facts });
  await tab.close();
}
await browser.close();
server.close();
console.log(JSON.stringify(results));
