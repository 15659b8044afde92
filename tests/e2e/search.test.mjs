// Browser tests of the search page: Debian's chromium, headless, driven by playwright-core.
// The server runs on samples/ (run_e2e.sh starts it and passes ZHISOU_URL); screenshots go to
// ZHISOU_SCREENSHOTS for CI to keep as artifacts.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

const BASE = process.env.ZHISOU_URL;
const SHOTS = process.env.ZHISOU_SCREENSHOTS || "e2e-screenshots";
mkdirSync(SHOTS, { recursive: true });

let browser;
let page;
const searches = []; // every /api/search query the page sent, in order

before(async () => {
  assert.ok(BASE, "ZHISOU_URL must name the running server");
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-background-networking"],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname === "/api/search") searches.push(url.searchParams.get("q"));
  });
  page.on("pageerror", (error) => assert.fail("page error: " + error.message));
  await page.goto(BASE);
});

after(async () => {
  if (browser) await browser.close();
});

const shot = (name, fullPage = true) =>
  page.screenshot({ path: join(SHOTS, name + ".png"), fullPage });

async function typeQuery(text) {
  await page.fill("#q", "");
  await page.type("#q", text, { delay: 20 });
}

async function waitForResultsOf(query) {
  await page.waitForFunction((q) => {
    const status = document.getElementById("status").textContent;
    return new URLSearchParams(location.search).get("q") === q && /result/.test(status);
  }, query);
}

test("an English query shows hits with highlights, total and time, and sets ?q=", async () => {
  await typeQuery("GLM");
  await waitForResultsOf("GLM");
  const hits = await page.locator(".hit").count();
  assert.ok(hits >= 3, `expected hits, got ${hits}`);
  const marks = await page.locator(".hit .snippet mark").allTextContents();
  assert.ok(marks.some((m) => m.toUpperCase() === "GLM"), `highlights: ${marks}`);
  assert.match(await page.textContent("#status"), /^\d+ results? · [\d.]+ ms/);
  // Typing three letters sent fewer searches than keystrokes (debounced).
  assert.ok(searches.filter((q) => q && "GLM".startsWith(q)).length < 3, `searches: ${searches}`);
  await shot("01-english");
});

test("a Chinese query through an input method searches only when composition ends", async () => {
  await page.fill("#q", "");
  await page.waitForTimeout(300);
  const before = searches.length;
  const cdp = await page.context().newCDPSession(page);
  await page.focus("#q");
  // Pinyin keystrokes build a composition; the page must not search for "zhi pu".
  for (const partial of ["z", "zh", "zhi", "zhi p", "zhi pu"]) {
    await cdp.send("Input.imeSetComposition", { text: partial, selectionStart: partial.length, selectionEnd: partial.length });
    await page.waitForTimeout(60);
  }
  await page.waitForTimeout(400); // longer than the debounce
  assert.equal(searches.length, before, `searched while composing: ${searches.slice(before)}`);
  await cdp.send("Input.insertText", { text: "智谱" }); // the composition commits 智谱
  await waitForResultsOf("智谱");
  assert.ok(!searches.slice(before).some((q) => /[a-z]/.test(q || "")), `searches: ${searches.slice(before)}`);
  const marks = await page.locator(".hit .snippet mark").allTextContents();
  assert.ok(marks.some((m) => m === "智谱" || m === "智譜"), `highlights: ${marks}`);
  await shot("02-chinese");
});

test("clicking a facet adds its filter to the query", async () => {
  await typeQuery("GLM");
  await waitForResultsOf("GLM");
  const facet = page.locator('button[data-facet="org"][data-value="zhipu"]');
  assert.match(await facet.textContent(), /Zhipu AI\s*\d+/);
  await facet.click();
  await waitForResultsOf("GLM org:zhipu");
  assert.equal(await page.inputValue("#q"), "GLM org:zhipu");
  const metas = await page.locator(".hit .meta").allTextContents();
  assert.ok(metas.length > 0 && metas.every((m) => m.includes("zhipu")), `metas: ${metas}`);
  await shot("03-facet");
});

test("a query error shows under the box with the caret at its column", async () => {
  await typeQuery("org:智谱 date:2025-13");
  await page.waitForSelector("#query-error:not([hidden]) .caret-line");
  const text = await page.textContent("#query-error");
  assert.match(text, /month must be 01\.\.12/);
  assert.equal(await page.getAttribute("#query-error", "data-column"), "18");
  assert.equal(await page.textContent("#query-error .at"), "1"); // the "13" starts here
  // The caret sits under the marked character whatever the widths of 智谱 in this font.
  const at = await page.locator("#query-error .at").boundingBox();
  const pad = await page.locator("#query-error .pad").boundingBox();
  assert.ok(Math.abs(pad.x + pad.width - at.x) < 1.5, `pad ends ${pad.x + pad.width}, char at ${at.x}`);
  await shot("04-query-error");
});

test("a part of the query that was not searched is named above the results", async () => {
  await typeQuery("GLM ?");
  await waitForResultsOf("GLM ?");
  await page.waitForSelector("#warnings:not([hidden])");
  assert.deepEqual(await page.locator("#warnings li").allTextContents(),
    ["'?' has no words to search for; ignored"]);
  assert.ok(await page.locator(".hit").count() > 0, "GLM alone was searched");
  await shot("05-warning");
  // The page may show the new ?q= before the answer arrives, so wait for the answer itself.
  await typeQuery("GLM");
  await waitForResultsOf("GLM");
  await page.waitForSelector("#warnings", { state: "hidden", timeout: 5000 })
    .catch(() => assert.fail("the warning stayed after a query searched as written"));
});

test("save the current query and run it with new only", async () => {
  await typeQuery("GLM org:zhipu");
  await waitForResultsOf("GLM org:zhipu");
  await page.fill("#save-name", "glm-zhipu");
  await page.click("#save-form button");
  const item = page.locator('#saved-list li[data-name="glm-zhipu"]');
  await item.waitFor();
  assert.equal(await item.locator(".query").textContent(), "GLM org:zhipu");

  await item.locator('button[data-action="new"]').click();
  await page.waitForFunction(() => /new since the last run/.test(document.getElementById("status").textContent));
  const firstRun = await page.locator(".hit").count();
  assert.ok(firstRun > 0, "the first run shows everything as new");
  await shot("06-saved-first-run");

  await item.locator('button[data-action="new"]').click();
  await page.waitForFunction(() => /^0 new since/.test(document.getElementById("status").textContent));
  assert.equal(await page.locator(".hit").count(), 0);
  assert.match(await page.textContent("#empty"), /Nothing new/);
  await shot("07-saved-nothing-new");
});

test("keyboard: / focuses the box, arrows select, Enter opens the document view", async () => {
  await typeQuery("GLM");
  await waitForResultsOf("GLM");
  await page.click("h2#saved-title"); // focus away from the box
  await page.keyboard.press("/");
  assert.equal(await page.evaluate(() => document.activeElement.id), "q");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  assert.equal(await page.locator(".hit.selected").getAttribute("id"), "hit-1");
  const title = await page.locator("#hit-1 h3").textContent();
  await page.keyboard.press("Enter");
  await page.waitForSelector("#doc-view:not([hidden])");
  assert.equal(await page.textContent("#doc-title"), title);
  const marks = await page.locator("#doc-text mark").count();
  assert.ok(marks > 0, "the full text has highlights");
  await shot("08-document", false); // the view is a fixed overlay
  await page.keyboard.press("Escape");
  await page.waitForSelector("#doc-view", { state: "hidden" });
});

test("a bookmarked URL runs its query; the page fits a phone", async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(BASE + "?q=" + encodeURIComponent("开源 模型"));
  await waitForResultsOf("开源 模型");
  assert.equal(await page.inputValue("#q"), "开源 模型");
  assert.ok((await page.locator(".hit").count()) > 0);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
  await shot("09-phone");
});
