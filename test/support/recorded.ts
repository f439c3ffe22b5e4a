import { classifyReply, type Outcome, type RawReply } from '../../src/core/atlassian';
import { recorded } from '../../src/emulator/recorded';

/** A recorded answer as the client's fetch would see it (header names case-insensitive). */
export function recordedRawReply(name: string): RawReply {
  const { response } = recorded(name);
  const text = response.text ?? (response.json === undefined ? '' : JSON.stringify(response.json));
  const headers = new Map(Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), v]));
  return { status: response.status, text, header: (n) => headers.get(n.toLowerCase()) ?? null };
}

/** Replays a recorded answer through the client's classification. */
export function replayRecorded(name: string): Outcome {
  const { request } = recorded(name);
  return classifyReply(`${request.method} ${request.path}`, recordedRawReply(name), 1, 0);
}

/** A fetch that answers every request with the recorded responses in turn (the last one repeats). */
export function recordedFetch(...names: string[]) {
  let next = 0;
  return recordedFetchBy(() => names[Math.min(next++, names.length - 1)] as string);
}

/** A fetch that answers each request with the recorded response `pick` names for it (e.g. by its body). */
export function recordedFetchBy(pick: (request: { url: string; body?: string }) => string) {
  const seen: { url: string; body?: string }[] = [];
  const fetch = async (url: string, init?: { body?: string }) => {
    const request = { url, ...(init?.body === undefined ? {} : { body: init.body }) };
    seen.push(request);
    const reply = recordedRawReply(pick(request));
    return { status: reply.status, headers: { get: (name: string) => reply.header(name) }, text: async () => reply.text };
  };
  return { fetch, seen };
}
