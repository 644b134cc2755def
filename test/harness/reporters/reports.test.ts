import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { runConformance } from '../../support/run-specs';

const XMLLINT = '/usr/bin/xmllint';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

describe('conformance reports', function () {
  this.timeout(90000);
  let dir: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mpsd-reports-'));
    // A real run with a planted fault: the reports must show its failures.
    const run = await runConformance(['specs/handle-read.spec.ts'], {
      MPSD_MODE: 'live',
      MPSD_EMULATOR_FAULTS: 'wrong-type',
      MPSD_REPORTS_DIR: dir,
    });
    expect(run.code).to.not.equal(0);
    expect(run.stdout.trim().split('\n').pop()).to.match(/^2 passed, 6 failed$/);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('junit.xml counts every scenario and carries the whole violation in the failure message', () => {
    const xml = readFileSync(join(dir, 'junit.xml'), 'utf8');
    expect(xml).to.match(/<testsuites name="MPSD handle conformance" tests="8" failures="6" errors="0" time="[\d.]+">/);
    expect((xml.match(/<testcase /g) ?? []).length).to.equal(8);
    expect(xml).to.match(/<failure type="failure" message="[^"]*at \/changeNumber: found &quot;1&quot; \(string\), expected type integer/);
    expect(xml).to.match(/<testsuite [^>]*errors="0"[^>]*timestamp="\d{4}-\d\d-\d\dT[\d:]+"[^>]* file="specs\/handle-read\.spec\.ts">/);
  });

  it('junit.xml validates against the junit-10 schema CI systems use (xmllint)', function () {
    if (!existsSync(XMLLINT)) {
      console.log(`      SKIPPED: no xmllint at ${XMLLINT} (apt-get install libxml2-utils; .ci/run does).`);
      this.skip();
    }
    const xsd = join(__dirname, '..', '..', 'fixtures', 'junit', 'junit-10.xsd');
    const out = execFileSync(XMLLINT, ['--noout', '--schema', xsd, join(dir, 'junit.xml')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(out).to.equal('');
  });

  it('a failing hook is written as a failed test case, not as tests="0" beside exit code 1', async () => {
    const hookDir = mkdtempSync(join(tmpdir(), 'mpsd-hook-'));
    try {
      const run = await runConformance(['specs/handle-read.spec.ts'], { MPSD_MODE: 'bogus', MPSD_REPORTS_DIR: hookDir });
      expect(run.code).to.not.equal(0);
      const xml = readFileSync(join(hookDir, 'junit.xml'), 'utf8');
      expect(xml).to.match(/<testsuites [^>]*tests="1" failures="1"/);
      expect(xml).to.match(/<testcase [^>]*name="&quot;before all&quot; hook[^"]*"/);
      expect(xml).to.include('MPSD_MODE=&quot;bogus&quot; is not valid');
    } finally {
      rmSync(hookDir, { recursive: true, force: true });
    }
  });

  it('the HTML report is self-contained and holds no credentials', () => {
    const html = readFileSync(join(dir, 'conformance.html'), 'utf8');
    expect(html).to.not.match(/<(script|link|img)[^>]+(src|href)=/);
    expect(html).to.not.include('xuid=2533274800000001,gamertag');
    expect(html).to.include('authorization: &lt;redacted principal=alice&gt;');
  });

  it('the HTML report shows the matrix, each failure with its violations and exchange, and coverage, in Chromium', async function () {
    if (!existsSync(CHROMIUM)) {
      console.log(
        `      SKIPPED: no Chromium at ${CHROMIUM}, so the HTML report was not checked in a browser (install it: apt-get install chromium; .ci/run does).`,
      );
      this.skip();
    }
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    try {
      const page = await browser.newPage();
      await page.goto(`file://${join(dir, 'conformance.html')}`);
      await page.setViewportSize({ width: 1200, height: 900 });
      // MPSD_SCREENSHOT=docs/images/failing-run.png refreshes the picture in the README
      await page.screenshot({ path: process.env.MPSD_SCREENSHOT || join(dir, 'conformance.png') });
      expect(await page.locator('tr.scenario').count()).to.equal(8);
      expect(await page.locator('tr.scenario.failed').count()).to.equal(6);
      expect(await page.locator('.total-failed').textContent()).to.equal('6 failed');
      const failure = page.locator('details.failure').first();
      expect(await failure.locator('tr.violation td').nth(1).textContent()).to.equal('/changeNumber');
      expect(await failure.locator('tr.violation td').nth(3).textContent()).to.equal('type integer');
      expect(await failure.locator('pre.request').textContent()).to.match(/^(GET|PUT|POST) \//);
      expect(await failure.locator('pre.response mark.offending').first().textContent()).to.include('"changeNumber": "1"'); // pretty, offending path marked
      // the run header says what the run was
      expect(await page.locator('.run-mode strong').textContent()).to.equal('live');
      expect(await page.locator('.run-faults strong').textContent()).to.equal('wrong-type');
      // on a failing run, the causes come first, above the matrix
      const headings = await page.locator('h2').allTextContents();
      expect(headings.indexOf('Failures by cause')).to.be.lessThan(headings.indexOf('Scenarios'));
      // one block per root cause: the 6 failures share one
      expect(await page.locator('details.cause').count()).to.equal(1);
      expect(await page.locator('details.cause summary').textContent()).to.include('/changeNumber');
      // failed only, and collapsible failures
      await page.locator('#failed-only').check();
      expect(await page.locator('tr.scenario:visible').count()).to.equal(6);
      await failure.locator('summary').click();
      expect(await failure.locator('pre.message').isVisible()).to.equal(false);
      await page.locator('#failed-only').uncheck();
      await page.locator('tr.scenario.failed a').first().click(); // the matrix links to the failure
      expect(page.url()).to.match(/#failure-\d+$/);
      // coverage counts only passing scenarios, and shows the documented combinations never exercised
      expect(await page.locator('p.behaviour-total').textContent()).to.not.match(/^(\d+) of \1 /);
      expect(await page.locator('tr.not-exercised').count()).to.be.greaterThan(0);
    } finally {
      await browser.close();
    }
  });
});
