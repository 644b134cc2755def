import type { Exchange } from '../contract/exchange';
import { escapeHtml } from './escape';
import type { TestResult } from './results';

/** A JSON body pretty-printed, the lines of the offending paths highlighted; other text as it came. */
function prettyBody(text: string, paths: readonly string[]): string {
  let pretty: string;
  try {
    pretty = JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return escapeHtml(text);
  }
  const keys = paths.map((p) => p.split('/').filter(Boolean).pop()).filter((k): k is string => !!k);
  return pretty
    .split('\n')
    .map((line) =>
      keys.some((k) => line.trimStart().startsWith(`"${k}":`)) ? `<mark class="offending">${escapeHtml(line)}</mark>` : escapeHtml(line),
    )
    .join('\n');
}

function exchangeBlock(e: Exchange, label: string, paths: readonly string[], unanswered?: string): string {
  const request = [`${e.request.method} ${e.request.path}`, ...Object.entries(e.request.headers).map(([k, v]) => `${k}: ${v}`)].join('\n');
  const head = [`${e.response.status}`, ...Object.entries(e.response.headers).map(([k, v]) => `${k}: ${v}`)].join('\n');
  const response = unanswered
    ? `<pre class="response no-answer">No answer: ${escapeHtml(unanswered)}</pre>`
    : `<pre class="response">${escapeHtml(head)}\n\n${prettyBody(e.response.text, paths)}</pre>`;
  return `<h4>${escapeHtml(label)}</h4><pre class="request">${escapeHtml(request)}${e.request.body ? `\n\n${prettyBody(e.request.body, [])}` : ''}</pre><h4>Response</h4>${response}`;
}

/** A replay miss's "differs" lines (`what: X here, Y recorded`) as a table: this run beside the recording. */
export function changedRequestTable(message: string): string {
  const rows = message.split('\n').flatMap((line) => {
    const m = /^\s*differs:\s+(.+?): (.*) here, (.*) recorded$/.exec(line);
    return m
      ? [
          `<tr><td><code>${escapeHtml(m[1])}</code></td><td><code>${escapeHtml(m[2])}</code></td><td><code>${escapeHtml(m[3])}</code></td></tr>`,
        ]
      : [];
  });
  return rows.length
    ? `<table class="changed-request"><tr><th>what</th><th>this run sent</th><th>the recording has</th></tr>${rows.join('')}</table>`
    : '';
}

function violationsBlock(test: TestResult): string {
  const rows = test.failures.flatMap((f) =>
    (f.violations ?? []).map(
      (v) =>
        `<tr class="violation"><td>${escapeHtml(f.check)}</td><td><code>${escapeHtml(v.instancePath)}</code></td><td><code>${escapeHtml(JSON.stringify(v.value) ?? '(absent)')}</code></td><td>${escapeHtml(v.expected)}</td></tr>`,
    ),
  );
  return rows.length
    ? `<table class="violations"><tr><th>check</th><th>instance path</th><th>value</th><th>expected</th></tr>${rows.join('')}</table>`
    : '';
}

/** One failed test, collapsible: its message, violations and the exchange behind them, labelled for what it is. */
export function failureBlock(test: TestResult, id: string): string {
  const label = test.unanswered
    ? /REPLAY_MISS|No recorded response/.test(test.unanswered + (test.error ?? ''))
      ? 'The request with no recording (the replay miss)'
      : 'The request that got no answer'
    : test.failures.length
      ? 'The request whose answer broke the contract'
      : 'Last request of the test';
  const paths = test.failures.flatMap((f) => (f.violations ?? []).map((v) => v.instancePath));
  const exchange = test.lastExchange ? exchangeBlock(test.lastExchange, label, paths, test.unanswered) : '';
  return `<details class="failure" id="${id}" open><summary>${escapeHtml(test.fullTitle)}</summary><pre class="message">${escapeHtml(test.error ?? '')}</pre>${changedRequestTable(test.error ?? '')}${violationsBlock(test)}${exchange}</details>`;
}
