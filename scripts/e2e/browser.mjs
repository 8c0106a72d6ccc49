// Debian's Chromium, driven headless by playwright-core (which downloads no browser of its own).
import { chromium } from 'playwright-core';
import { onBeforeExit } from './processes.mjs';

export const VIEWPORT = { width: 1400, height: 900 };

export async function launchBrowser(executablePath) {
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    // processes.mjs ends everything on a signal; Playwright still kills its browser on process exit.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    // Runs as root on a closed network: no sandbox, no background or Google traffic.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--disable-features=Translate'],
  });
  onBeforeExit(() => browser.close());
  return browser;
}

/** Loads the workbench and waits until it has rendered (activity bar and status bar visible). */
export async function openWorkbench(page, url, timeoutMs) {
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
  await page.locator('.monaco-workbench .part.activitybar').waitFor({ state: 'visible', timeout: timeoutMs });
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: timeoutMs });
}

/** The workbench URL that opens `folder` and, optionally, runs extension tests (the @vscode/test-electron contract). */
export function workbenchUrl(server, folder, { extensionDevelopmentPath, extensionTestsPath } = {}) {
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', server.remoteUri(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', server.remoteUri(extensionTestsPath)]);
  const query = [`folder=${encodeURIComponent(folder)}`];
  if (payload.length > 0) query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `${server.url}/?${query.join('&')}`;
}
