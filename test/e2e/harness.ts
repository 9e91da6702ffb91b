import { AxeBuilder } from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { openDesk, type Desk } from '../../src-main/core/desk/desk.js';
import { verifyDatabase } from '../../src-main/core/ledger/verify.js';
import { initializeDesk } from '../../src-main/core/desk/setup.js';
import { loadDemoData } from '../../src-main/demo/index.js';
import { startBrowserMode, type BrowserMode } from '../../src-main/web/main.js';
import type { Paper } from '../../src-main/api/documents.js';

/** Debian's Chromium with the flags these machines need (no sandbox as root, no network chatter). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const SCREENSHOTS = join(process.cwd(), 'test-results', 'screens');

export interface DeskInBrowser {
  page: Page;
  /** The browser (one profile): more tabs open with `context.newPage()`. */
  context: BrowserContext;
  desk: Desk;
  file: string;
  mode: BrowserMode;
  close(): Promise<void>;
}

/**
 * A real desk: a demo club in a real SQLite file, served by the browser mode on 127.0.0.1, and
 * Debian's Chromium on it. `setup` runs on the desk before the page opens.
 */
export async function openDeskInBrowser(
  options: {
    members?: number;
    idleMinutes?: number;
    paper?: Paper;
    setup?: (desk: Desk, adminId: string) => void;
    /** How the desk file is made: `comptoir init` by default; joining a club's server, say. */
    create?: (file: string) => Promise<{ desk: Desk; systemUserId: string }>;
  } = {},
): Promise<DeskInBrowser> {
  const folder = mkdtempSync(join(tmpdir(), 'comptoir-e2e-'));
  const file = join(folder, 'desk.sqlite');
  const { desk: setupDesk, systemUserId } = options.create ? await options.create(file) : initializeDesk(file, { deskName: 'Accueil', receiptPrefix: 'A' });
  loadDemoData(setupDesk, { userId: systemUserId }, { members: options.members ?? 200, seed: 7 });
  options.setup?.(setupDesk, systemUserId);
  setupDesk.close();

  const mode = await startBrowserMode({
    file,
    log: () => {},
    ...(options.idleMinutes === undefined ? {} : { idleMinutes: options.idleMinutes }),
    ...(options.paper ? { paper: options.paper } : {}),
  });
  // The test's own look at the database, beside the core's thread (WAL: it reads what was committed).
  const desk = openDesk(file);
  const browser = await openBrowser(mode.server.url);
  return {
    page: browser.page,
    context: browser.context,
    desk,
    file,
    mode,
    close: async () => {
      await browser.close();
      await mode.close();
      desk.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium in a fresh profile (fr-CA, Montréal time), on `url`. */
export async function openBrowser(url: string): Promise<{ page: Page; context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'comptoir-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 860 },
    acceptDownloads: true,
    locale: 'fr-CA',
    timezoneId: 'America/Toronto',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  return {
    page,
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Signs in by keyboard only: Tab to the name, Enter, the PIN, Enter. */
export async function signInByKeyboard(page: Page, name: string, pin: string): Promise<void> {
  const button = page.getByRole('button', { name });
  await button.waitFor();
  for (let i = 0; i < 30 && !(await button.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.keyboard.type(pin);
  await page.keyboard.press('Enter');
}

/** Tabs forward until the element has focus (as a keyboard user would), then returns. */
export async function tabTo(page: Page, locator: ReturnType<Page['getByRole']>, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await locator.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${locator.toString()} with Tab`);
}

/** The desk's usual window, and the same window at 200 % zoom (half as many CSS pixels). */
export const WINDOW = { width: 1366, height: 768 };
export const ZOOMED = { width: 640, height: 384 };

/**
 * Screenshots for a human eye — at 1366×768 and at 200 % zoom — and axe (WCAG 2.2 AA and
 * best practices) on the screen at both sizes: no violation at all. At 200 % zoom nothing may
 * scroll sideways (WCAG 1.4.10, reflow).
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const before = page.viewportSize() ?? WINDOW;
  const problems: string[] = [];
  for (const [size, suffix] of [[WINDOW, ''], [ZOOMED, '-200pct']] as const) {
    await page.setViewportSize(size);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}${suffix}.png`), fullPage: true });
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
    for (const v of results.violations) problems.push(`${suffix || '100%'} ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
    if (size === ZOOMED) {
      const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (wide > 1) problems.push(`200% scrolls sideways by ${wide}px`);
    }
  }
  await page.setViewportSize(before);
  expect(problems, `axe on ${name}`).toEqual([]);
}

/** Clicks a button that saves a PDF, and returns the text of the PDF the browser downloaded. */
export async function downloadedPdfText(page: Page, buttonName: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: buttonName }).click()]);
  const folder = mkdtempSync(join(tmpdir(), 'comptoir-download-'));
  const file = join(folder, download.suggestedFilename());
  await download.saveAs(file);
  try {
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Clicks a button that prints a document, and returns the PDF the page handed to the browser's
 * print (the hidden frame's document): what the printer receives, read back byte for byte.
 */
export async function printedPdf(page: Page, button: ReturnType<Page['getByRole']>): Promise<Uint8Array> {
  // The page's CSP lets no one fetch a blob: keep the PDF as the page makes its address instead.
  await page.evaluate(() => {
    document.querySelector('iframe.print-frame')?.remove();
    const seen = window as unknown as { madePdf?: Blob; originalCreate?: typeof URL.createObjectURL };
    seen.originalCreate ??= URL.createObjectURL.bind(URL);
    URL.createObjectURL = (made: Blob | MediaSource) => {
      if (made instanceof Blob && made.type === 'application/pdf') seen.madePdf = made;
      return seen.originalCreate!(made);
    };
  });
  await button.click();
  const frame = page.locator('iframe.print-frame');
  await frame.waitFor({ state: 'attached' });
  const base64 = await page.evaluate(async () => {
    const blob = (window as unknown as { madePdf: Blob }).madePdf;
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let text = '';
    for (const byte of bytes) text += String.fromCharCode(byte);
    return btoa(text);
  });
  return new Uint8Array(Buffer.from(base64, 'base64'));
}

/**
 * The text as a pattern where any space may be an unbreakable one (« 25,00 $ », « Total : »),
 * every other character taken literally.
 */
export function loose(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s'));
}

/** Back to « Trouver un membre » from any screen, as a volunteer would (the cart through « Retour »). */
export async function toSearch(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1 }).waitFor();
  if ((await page.locator('#lookup-title').count()) > 0) return;
  if ((await page.locator('#checkout-title').count()) > 0) await page.getByRole('button', { name: 'Retour' }).click();
  await page.getByRole('banner').getByRole('button', { name: 'Trouver un membre' }).click();
  await page.locator('#lookup-title').waitFor();
}

/** Opens a member's profile by typing their number in the search, from any screen. */
export async function openMember(page: Page, number: number): Promise<void> {
  await toSearch(page);
  await page.getByLabel('Nom, no de membre, téléphone ou courriel').fill(String(number));
  await page.keyboard.press('Enter');
  await page.locator('#member-title').waitFor();
}

export function expectVerifyClean(desk: Desk): void {
  expect(verifyDatabase(desk.reader)).toEqual([]);
}
