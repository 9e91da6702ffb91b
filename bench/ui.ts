import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { openCashSession } from '../src-main/core/cash/cash-sessions.js';
import type { Desk } from '../src-main/core/desk/desk.js';
import { createUser } from '../src-main/core/users/users.js';
import { systemUserId } from '../src-main/core/desk/setup.js';
import { RENDERER_DIR } from '../src-main/web/main.js';
import { percentile, type Figure } from './figures.js';
import { CHROMIUM_ARGS } from '../test/e2e/harness.js';

const PIN = '2468';
const VOLUNTEER = 'Banc d’essai';

/** The renderer as shipped: every JS and CSS asset, gzipped. */
export function bundleFigures(): Figure[] {
  const assets = join(RENDERER_DIR, 'assets');
  const files = readdirSync(assets).filter((f) => f.endsWith('.js') || f.endsWith('.css'));
  const gzip = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f)), { level: 9 }).length, 0);
  return [{ name: 'renderer_bundle_kb_gzip', value: gzip / 1024, unit: 'kB' }];
}

function launchBrowserMode(file: string): Promise<{ url: string; stop(): void }> {
  // The bundled launcher `npm start` runs (npm run build:ui makes it).
  const child = spawn(process.execPath, [join('out', 'web', 'launch.mjs'), '--db', file], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /http:\/\/127\.0\.0\.1:\d+\/\?t=\S+/.exec(out)?.[0];
      if (url) resolve({ url, stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`browser mode exited (${code})`)));
  });
}

async function signIn(page: Page): Promise<void> {
  await page.getByRole('button', { name: VOLUNTEER }).click();
  await page.keyboard.type(PIN);
  await page.keyboard.press('Enter');
  await page.locator('#search:focus').waitFor();
}

/**
 * The desk's screen on a 100,000-member club, in Chromium:
 * - ui_ready_ms: from launching the browser mode (a new process opening the database) to a
 *   usable, focused search field, through the sign-in screen (the robot picks the name and types
 *   the PIN, drawer already open);
 * - ui_search_keystroke_ms_p95: from a key pressed in the search field to its results painted.
 */
export async function benchUi(desk: Desk): Promise<Figure[]> {
  const admin = { userId: systemUserId(desk) };
  createUser(desk, admin, { name: VOLUNTEER, role: 'volunteer', pin: PIN });
  openCashSession(desk, admin, { count: { '2000': 5 } });
  const names = desk.reader
    .rawAll<{ last_name: string; first_name: string }>('SELECT last_name, first_name FROM member ORDER BY random() LIMIT 60')
    .map((m) => (Math.random() < 0.5 ? m.last_name : `${m.first_name} ${m.last_name}`).slice(0, 10));

  const profile = mkdtempSync(join(tmpdir(), 'comptoir-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const page = context.pages()[0] ?? (await context.newPage());
  const start = performance.now();
  const server = await launchBrowserMode(desk.connection.file);
  try {
    await page.goto(server.url);
    await signIn(page);
    const ready = performance.now() - start;

    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('#search')!;
      const list = document.querySelector('#search-results')!;
      const w = window as unknown as { keyAt: number; samples: number[] };
      w.samples = [];
      input.addEventListener('keydown', () => (w.keyAt = performance.now()), { capture: true });
      new MutationObserver(() => {
        if (list.getAttribute('data-results-for') !== input.value) return;
        // Painted: the frame after the results are in the DOM.
        requestAnimationFrame(() => setTimeout(() => w.samples.push(performance.now() - w.keyAt), 0));
      }).observe(list, { attributes: true, childList: true, subtree: true });
    });
    for (const name of names) {
      await page.fill('#search', '');
      for (const char of name) {
        const before = await page.evaluate(() => (window as unknown as { samples: number[] }).samples.length);
        await page.keyboard.type(char);
        await page.waitForFunction((n) => (window as unknown as { samples: number[] }).samples.length > n, before, { timeout: 5000 }).catch(() => {});
      }
    }
    const samples = await page.evaluate(() => (window as unknown as { samples: number[] }).samples);
    return [
      { name: 'ui_ready_ms', value: ready, unit: 'ms' },
      { name: 'ui_search_keystroke_ms_p50', value: percentile(samples, 50), unit: 'ms' },
      { name: 'ui_search_keystroke_ms_p95', value: percentile(samples, 95), unit: 'ms' },
      { name: 'ui_search_keystrokes', value: samples.length, unit: 'keystrokes' },
    ];
  } finally {
    server.stop();
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
