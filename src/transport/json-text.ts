/**
 * The one JSON parser for response bodies: `HttpResponse.json()` and the session's decoding step
 * (`decodeJson`, `parseJsonText`) both read a body's text through {@link parseResponseJson}, so
 * an empty body, an HTML error page and broken JSON are the same {@link InvalidResponseError}
 * whichever way a response is read (`InvalidResponseError`, reason `empty-body`, `not-json` or
 * `invalid-json`).
 */
import { invalidResponse, type ResponseFacts } from './invalid-response.js';

/** Content types that are markup, never JSON (a proxy's or a WSGI server's error page). */
const notJsonType = /^(text\/html|application\/xhtml|text\/xml|application\/xml)\b/i;

/**
 * Parse a response body's text as JSON, or throw an `InvalidResponseError`:
 * `empty-body` for an empty (or blank) text, `not-json` for markup, `invalid-json` for
 * anything else that does not parse; each with a redacted excerpt of the text.
 */
export function parseResponseJson(facts: ResponseFacts, text: string): unknown {
  if (text.trim() === '')
    throw invalidResponse(facts, 'empty-body', 'the body is empty; a document was expected');
  try {
    return JSON.parse(text);
  } catch (e) {
    const type = facts.contentType;
    const markup = /^\s*</.test(text) || (!!type && notJsonType.test(type));
    const what = markup
      ? `${type ? `${type.split(';')[0]}` : 'markup'}, not JSON`
      : `invalid JSON (${(e as Error).message})`;
    throw invalidResponse(facts, markup ? 'not-json' : 'invalid-json', `the body is ${what}`, text, e);
  }
}
