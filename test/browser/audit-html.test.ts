/**
 * The audit HTML report in a real browser (Debian's Chromium through playwright-core): it loads with
 * no console error (a CSP hash that did not match would show here), makes no request but for the page
 * itself, never opens a dialog, draws its charts and table, sorts on a header click, filters as one
 * types, pages through thousands of documents, and shows a <script> title as text.
 *
 * Chromium is a system package (`apt-get install -y chromium`). Without /usr/bin/chromium the tests
 * are skipped on a developer's machine and FAIL on CI (CI set), so a missing install never passes.
 * A screenshot is saved to test-artifacts/audit-report.png (gitignored) for a person to look at.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { lint, openSession } from '../../src/lint.js';
import { auditResult } from '../../src/commands/audit.js';
import { classify } from '../../src/reports/audit/classify.js';
import { formatAuditHtml } from '../../src/format/audit-html.js';
import type { FileResult } from '../../src/types.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'test-artifacts');
const EVIL = '<script>alert(1)</script>';
const haveChromium = existsSync(CHROMIUM);

if (!haveChromium && process.env.CI) {
  describe('audit HTML report in Chromium', () => {
    it('needs Chromium at /usr/bin/chromium on CI', () => {
      throw new Error(`${CHROMIUM} is missing: CI must install it (apt-get install -y chromium) so the HTML report is tested in a real browser`);
    });
  });
}

/** A page with listeners that record what must never happen. */
interface Watched {
  page: Page;
  url: string;
  requests: string[];
  errors: string[];
  dialogs: string[];
}

describe.skipIf(!haveChromium)('audit HTML report in Chromium', () => {
  let browser: Browser;
  let dir: string;
  const pages: Watched[] = [];

  async function open(html: string, name: string, viewport = { width: 1400, height: 900 }): Promise<Watched> {
    const path = join(dir, name);
    writeFileSync(path, html);
    const url = pathToFileURL(path).href;
    const page = await browser.newPage({ viewport });
    const w: Watched = { page, url, requests: [], errors: [], dialogs: [] };
    page.on('request', (r) => w.requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') w.errors.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => w.errors.push(`pageerror: ${e.message}`));
    page.on('dialog', (d) => {
      w.dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(url, { waitUntil: 'load' });
    pages.push(w);
    return w;
  }

  const titles = (page: Page): Promise<string[]> => page.$$eval('#rows tr.doc td.title .t', (els) => els.map((e) => e.textContent ?? ''));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hefa-browser-'));
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('the report of fixtures/cli/audit-archive', () => {
    let w: Watched;

    beforeAll(async () => {
      const session = openSession({ cwd: ROOT, asOf: '2026-11-29' });
      const result = await lint(['fixtures/cli/audit-archive'], session);
      const html = formatAuditHtml(auditResult(result, session), { version: 'test', jurisdiction: '夹江县' });
      w = await open(html, 'report.html');
      mkdirSync(ARTIFACTS, { recursive: true });
      await w.page.screenshot({ path: join(ARTIFACTS, 'audit-report.png'), fullPage: true });
    }, 60000);

    it('loads with no console error, no request but the page itself, and no dialog', () => {
      expect(w.errors).toEqual([]);
      expect(w.requests).toEqual([w.url]);
      expect(w.dialogs).toEqual([]);
    });

    it('draws both charts and the table of every document', async () => {
      const charts = w.page.locator('svg.chart');
      expect(await charts.count()).toBe(2);
      for (const c of await charts.all()) {
        expect(await c.isVisible()).toBe(true);
        expect((await c.boundingBox())!.height).toBeGreaterThan(100);
      }
      expect(await w.page.locator('svg.chart rect').count()).toBeGreaterThan(5);
      expect(await w.page.locator('#rows tr.doc').count()).toBe(12);
      expect(await w.page.textContent('#count')).toBe('共 12 件');
      // Documents needing action come first: the expired one heads the list.
      expect((await titles(w.page))[0]).toBe('夹江县城区养犬管理办法');
    });

    it('shows the <script> title as text, and runs no script but its own', async () => {
      expect(await titles(w.page)).toContain(EVIL);
      expect(await w.page.evaluate(() => document.scripts.length)).toBe(2);
      expect(w.dialogs).toEqual([]);
    });

    it('sorts when a column header is clicked, and reverses on a second click', async () => {
      const head = w.page.locator('#docs th[data-col="title"] button');
      await head.click();
      expect(await w.page.getAttribute('#docs th[data-col="title"]', 'aria-sort')).toBe('ascending');
      const up = await titles(w.page);
      const sorted = await w.page.evaluate((list) => [...list].sort(new Intl.Collator('zh-CN', { numeric: true }).compare), up);
      expect(up).toEqual(sorted);
      await head.click();
      expect(await w.page.getAttribute('#docs th[data-col="title"]', 'aria-sort')).toBe('descending');
      expect(await titles(w.page)).toEqual([...up].reverse());

      await w.page.locator('#docs th[data-col="until"] button').click();
      const until = await w.page.$$eval('#rows tr.doc td:nth-child(6)', (els) => els.map((e) => e.firstChild?.textContent ?? ''));
      const dates = until.filter((d) => /^\d{4}-/.test(d));
      expect(dates).toEqual([...dates].sort());
      expect(until.slice(dates.length).every((d) => d === '—')).toBe(true); // documents without an end date last
    });

    it('filters as one types, and by status', async () => {
      await w.page.fill('#q', '门前');
      await expect.poll(() => w.page.locator('#rows tr.doc').count()).toBe(2);
      expect((await titles(w.page)).sort()).toEqual(['夹江县城区门前三包管理办法', '夹江县城区门前责任区管理办法']);
      expect(await w.page.textContent('#count')).toBe('筛选出 2 件（共 12 件）');
      await w.page.fill('#q', 'script');
      await expect.poll(() => titles(w.page)).toEqual([EVIL]);
      await w.page.fill('#q', '');
      await w.page.selectOption('#fstatus', '已到期');
      await expect.poll(() => titles(w.page)).toEqual(['夹江县城区养犬管理办法']);
      await w.page.selectOption('#fstatus', '');
      await w.page.check('#faction');
      await expect.poll(() => w.page.locator('#rows tr.doc').count()).toBe(5);
      await w.page.uncheck('#faction');
      expect(w.errors).toEqual([]);
    });

    it('opens the findings of a document', async () => {
      await w.page.fill('#q', '合同管理');
      await expect.poll(() => w.page.locator('#rows tr.doc').count()).toBe(1);
      await w.page.click('#rows .probs button');
      const detail = await w.page.textContent('#rows tr.detail');
      expect(detail).toContain('citation-repealed');
      expect(detail).toContain('中华人民共和国合同法');
      await w.page.fill('#q', '');
    });
  });

  describe('a report of 6,000 documents', () => {
    let w: Watched;

    beforeAll(async () => {
      const files: FileResult[] = [];
      for (let i = 0; i < 6000; i++) {
        const year = 1990 + (i % 36);
        files.push({
          path: `archive/${String(i).padStart(4, '0')}.md`,
          document: {
            title: i === 4321 ? EVIL : `夹江县第${i}号管理办法`,
            docNumber: `夹府规〔${year}〕${i}号`,
            issuer: i % 3 ? '夹江县人民政府' : '夹江县教育局',
            kind: '行政规范性文件',
            level: '县',
            status: '已公布',
            publishedOn: `${year}-03-01`,
            effectiveOn: `${year}-04-01`,
            validUntil: i % 4 ? `${year + 5}-03-31` : null,
            trial: false,
          },
          findings: [],
        });
      }
      const report = classify({ asOf: '2026-11-29', files, notices: [] }, { asOf: '2026-11-29' });
      w = await open(formatAuditHtml(report, { version: 'test' }), 'big.html');
    }, 60000);

    it('shows one page of 100 rows and pages through the rest', async () => {
      expect(await w.page.locator('#rows tr.doc').count()).toBe(100);
      expect(await w.page.textContent('#pageinfo')).toBe('第 1–100 件，第 1 / 60 页');
      await w.page.click('#next');
      expect(await w.page.textContent('#pageinfo')).toBe('第 101–200 件，第 2 / 60 页');
      await w.page.selectOption('#size', '500');
      expect(await w.page.locator('#rows tr.doc').count()).toBe(500);
    });

    it('sorts and filters the whole set quickly', async () => {
      const t0 = Date.now();
      await w.page.locator('#docs th[data-col="pub"] button').click();
      await w.page.fill('#q', '第4321号');
      await w.page.fill('#q', 'script');
      await expect.poll(() => titles(w.page)).toEqual([EVIL]);
      expect(Date.now() - t0).toBeLessThan(5000);
      expect(w.errors).toEqual([]);
      expect(w.dialogs).toEqual([]);
    });

    it('prints every row the filter keeps', async () => {
      await w.page.fill('#q', '教育局');
      await expect.poll(() => w.page.textContent('#count')).toBe('筛选出 2000 件（共 6000 件）');
      await w.page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      expect(await w.page.locator('#rows tr.doc').count()).toBe(2000);
      await w.page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      expect(await w.page.locator('#rows tr.doc').count()).toBe(500);
      expect(w.requests).toEqual([w.url]);
    });
  });
});
