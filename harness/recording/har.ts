/** The parts of a Polly HAR file the harness reads and writes. */
export interface HarHeader {
  name: string;
  value: string;
}

export interface HarEntry {
  _id: string;
  _order: number;
  startedDateTime: string;
  time: number;
  timings: Record<string, number>;
  request: {
    method: string;
    url: string;
    headers: HarHeader[];
    cookies: unknown[];
    queryString?: { name: string; value: string }[];
    postData?: { mimeType?: string; text?: string };
  };
  response: {
    status: number;
    headers: HarHeader[];
    cookies: unknown[];
    content: { mimeType?: string; size?: number; text?: string };
  };
  [key: string]: unknown;
}

/** What the harness stores beside the entries: see recording/provenance.ts and recording/inputs.ts. */
export interface HarnessMetadata {
  provenance: Record<string, unknown>;
  inputs: Record<string, string>;
}

export interface Har {
  log: {
    _recordingName: string;
    creator: { name: string; version?: string; comment?: string };
    entries: HarEntry[];
    _harness?: HarnessMetadata;
    [key: string]: unknown;
  };
}

export function header(headers: HarHeader[], name: string): string | undefined {
  return headers.find((h) => h.name.toLowerCase() === name)?.value;
}

export function headerMap(headers: HarHeader[]): Record<string, string> {
  return Object.fromEntries(headers.map((h) => [h.name.toLowerCase(), h.value]));
}
