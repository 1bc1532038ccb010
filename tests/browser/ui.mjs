// Browser test of the page at `/`, in headless Chromium (the Debian `chromium` package).
//
//   cargo build && npm ci --prefix tests/browser && node tests/browser/ui.mjs
//
// Starts `verbatim serve` on a temporary database, pastes examples/nato.txt into the page,
// checks the rendering (both Lungescu quotes in one speaker colour, Blinken's in another,
// cue verbs, entities, the hover card, the legend), searches "blinken", opens his actor
// page, and saves a screenshot (docs/screenshot.png, or $SCREENSHOT).
// Fails (exit 1) when Chromium is missing: CI installs it; `cargo test` does not run this.

import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const bin = process.env.VERBATIM_BIN || join(root, "target/debug/verbatim");
const browserPath = process.env.CHROMIUM || "/usr/bin/chromium";
const screenshot = process.env.SCREENSHOT || join(root, "docs/screenshot.png");

function fail(msg) {
  console.error("FAIL: " + msg);
  process.exit(1);
}

if (!existsSync(browserPath)) fail(`no Chromium at ${browserPath} (apt-get install chromium, or set CHROMIUM)`);
if (!existsSync(bin)) fail(`no verbatim binary at ${bin} (cargo build first, or set VERBATIM_BIN)`);

const freePort = () =>
  new Promise((ok, ko) => {
    const s = createServer();
    s.once("error", ko);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });

const dir = mkdtempSync(join(tmpdir(), "verbatim-ui-"));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(bin, ["serve", "--addr", `127.0.0.1:${port}`, "--db", join(dir, "ui.db")], {
  stdio: ["ignore", "inherit", "inherit"],
  env: { ...process.env, RUST_LOG: "warn" },
});
let browser;
const cleanup = async () => {
  if (browser) await browser.close().catch(() => {});
  server.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
};

async function waitForHealth() {
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null) throw new Error(`verbatim exited with ${server.exitCode}`);
    try {
      const r = await fetch(base + "/health");
      if (r.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("verbatim did not answer /health within 60 s");
}

async function main() {
  await waitForHealth();
  browser = await chromium.launch({
    executablePath: browserPath,
    headless: true,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  const problems = [];
  page.on("pageerror", (e) => problems.push("page error: " + e.message));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push("console error: " + m.text());
  });
  // The page must load nothing from anywhere but the service itself.
  page.on("request", (r) => {
    if (!r.url().startsWith(base)) problems.push("request outside the service: " + r.url());
  });

  await page.goto(base + "/");
  await page.waitForSelector("#analyse-form");

  // 1. Paste the article and analyse it.
  const article = readFileSync(join(root, "examples/nato.txt"), "utf8");
  await page.fill("#article-text", article);
  await page.fill("#article-source", "Example Wire");
  await page.fill("#article-date", "2024-01-25");
  await page.click("#analyse-button");
  await page.waitForSelector("#article-text-view mark.quote", { timeout: 30000 });
  assert.match(await page.textContent("#article-title-view"), /NATO says it will not pull back/);

  const marks = await page.$$eval("#article-text-view mark.quote", (ms) =>
    ms.map((m) => ({
      speaker: m.dataset.speaker,
      kind: m.dataset.kind,
      text: m.textContent,
      colour: getComputedStyle(m).backgroundColor,
    })),
  );
  const lungescu = marks.filter((m) => m.speaker === "Oana Lungescu");
  assert.equal(lungescu.length, 2, "two Lungescu quotes: " + JSON.stringify(marks, null, 1));
  assert.ok(lungescu.every((m) => m.kind === "direct"), "Lungescu's quotes are direct");
  assert.match(lungescu[0].text, /No outside power decides/);
  assert.match(lungescu[1].text, /The door to dialogue stays open/);
  assert.equal(lungescu[0].colour, lungescu[1].colour, "Lungescu's quotes share a colour");
  assert.notEqual(lungescu[0].colour, "rgba(0, 0, 0, 0)", "Lungescu's quotes are highlighted");
  const blinken = marks.filter((m) => m.speaker === "Antony Blinken");
  // "said Washington … would answer … in writing, but warned that any new incursion …"
  assert.equal(blinken.length, 2, "two Blinken quotes: " + JSON.stringify(blinken, null, 1));
  assert.ok(blinken.every((m) => m.kind === "indirect"), "Blinken's quotes are reported speech");
  assert.equal(blinken[0].colour, blinken[1].colour, "Blinken's quotes share a colour");
  assert.notEqual(blinken[0].colour, lungescu[0].colour, "another speaker, another colour");

  // Cue verbs marked, entities underlined by type.
  const cues = await page.$$eval("#article-text-view .cue", (cs) => cs.map((c) => c.textContent));
  assert.ok(cues.includes("told") && cues.includes("said"), "cue verbs: " + cues);
  const people = await page.$$eval("#article-text-view .ent.PER", (es) => es.map((e) => e.textContent));
  assert.ok(people.includes("Oana Lungescu") && people.includes("Antony Blinken"), "PER entities: " + people);
  const underline = await page.$eval("#article-text-view .ent.PER", (e) => getComputedStyle(e).textDecorationLine);
  assert.match(underline, /underline/);

  // The legend: canonical name, role, affiliation.
  const legend = await page.textContent("#legend");
  assert.match(legend, /Oana Lungescu/);
  assert.match(legend, /spokesperson, NATO/);
  assert.match(legend, /Antony Blinken/);
  assert.match(legend, /secretary of state/);

  // Hover: kind, speaker, confidence.
  await page.hover("#article-text-view mark.quote[data-speaker='Oana Lungescu']");
  await page.waitForSelector("#tooltip:not([hidden])");
  const tip = await page.textContent("#tooltip");
  assert.match(tip, /direct quote/);
  assert.match(tip, /Oana Lungescu/);
  assert.match(tip, /confidence: \d+%/);
  // The screenshot shows the card of Blinken's reported speech (below it, hiding nothing).
  await page.hover("#article-text-view mark.quote[data-speaker='Antony Blinken']");
  await page.waitForFunction(() => /Antony Blinken/.test(document.querySelector("#tooltip").textContent));
  await page.screenshot({ path: screenshot, fullPage: false });
  console.log("screenshot: " + screenshot);

  // 2. Posting it again lands on the stored analysis.
  await page.goto(base + "/#/");
  await page.waitForSelector("#view-analyse:not([hidden])");
  await page.fill("#article-text", article);
  await page.click("#analyse-button");
  await page.waitForSelector("#article-note");
  assert.match(await page.textContent("#article-note"), /already stored/);

  // 3. Search for "blinken": his reported speech, linking to the article.
  await page.click("a[data-nav=search]");
  await page.fill("#search-speaker", "blinken");
  await page.click("#search-button");
  await page.waitForSelector("#search-results li");
  const results = await page.$$eval("#search-results li", (ls) => ls.map((l) => l.textContent));
  assert.equal(results.length, 2, "two Blinken quotes: " + results);
  assert.ok(results.some((r) => /Washington and its partners would answer Russia's proposals/.test(r)), "his quote is listed: " + results);
  assert.ok(results.every((r) => /Antony Blinken/.test(r) && /2024-01-25/.test(r)), "speaker and date: " + results);
  await page.waitForSelector("#search-actors a");
  assert.match(await page.textContent("#search-actors"), /Antony Blinken/);

  // "about" and word filters narrow it.
  await page.fill("#search-speaker", "lungescu");
  await page.fill("#search-q", "dialogue");
  await page.click("#search-button");
  await page.waitForFunction(() => {
    const l = document.querySelectorAll("#search-results li");
    return l.length === 1 && /dialogue/.test(l[0].textContent);
  });

  // The article link opens the article view.
  await page.click("#search-results li a.article-link");
  await page.waitForSelector("#article-text-view mark.quote");

  // 4. The actor page: facts, timeline, co-quotation tables.
  await page.click("#legend a:text('Antony Blinken')");
  await page.waitForSelector("#timeline-chart rect.bar");
  assert.match(await page.textContent("#actor-name"), /Antony Blinken/);
  const facts = await page.textContent("#view-actor dl.facts");
  assert.match(facts, /secretary of state/);
  assert.match(facts, /Quotes2/);
  const bars = await page.$$eval("#timeline-chart rect.bar", (bs) => bs.map((b) => [b.dataset.start, b.dataset.quotes]));
  assert.deepEqual(bars, [["2024-01-25", "2"]]);
  await page.selectOption("#timeline-bucket", "month");
  await page.waitForSelector("#timeline-chart rect.bar[data-start='2024-01-01']");
  const mentions = await page.textContent("#network-mentions");
  assert.match(mentions, /Russia/);
  assert.match(mentions, /Washington/);

  // 5. Upload an HTML file: the body is extracted and analysed.
  await page.goto(base + "/#/");
  await page.waitForSelector("#view-analyse:not([hidden])");
  const html = `<html><head><title>Ministers meet in Vienna</title></head><body><nav>Home | World</nav>
    <article><h1>Ministers meet in Vienna</h1><p>VIENNA — Foreign ministers gathered in Vienna on Monday for talks on energy security.</p>
    <p>"We will not accept threats to our supply," said Annalena Baerbock, the German foreign minister, after the meeting.</p></article>
    <footer>Copyright</footer></body></html>`;
  await page.setInputFiles("#article-file", { name: "vienna.html", mimeType: "text/html", buffer: Buffer.from(html) });
  await page.waitForFunction(() => document.querySelector("#article-text").value.includes("Baerbock"));
  await page.click("#analyse-button");
  await page.waitForSelector("#article-text-view mark.quote[data-speaker='Annalena Baerbock']");
  assert.match(await page.textContent("#article-title-view"), /Ministers meet in Vienna/);
  assert.doesNotMatch(await page.textContent("#article-text-view"), /Copyright/);

  // The articles list shows both.
  await page.click("a[data-nav=articles]");
  await page.waitForFunction(() => document.querySelectorAll("#articles-list li a").length === 2);

  assert.deepEqual(problems, [], "no errors in the page");
  console.log("ok: the page renders quotes by speaker, searches, and shows the actor page");
}

try {
  await main();
  await cleanup();
} catch (e) {
  await cleanup();
  fail(e.stack || String(e));
}
