/**
 * Segmented uploads. Segments are uploaded first (concurrently for files and bytes, in order
 * for one-shot streams), each checked against its ETag; the manifest is written last: an SLO
 * manifest (`PUT ?multipart-manifest=put`, JSON list of path/etag/size_bytes) or a DLO
 * manifest (zero bytes with `X-Object-Manifest: <segment container>/<prefix>`). Until the
 * manifest is written the previous object is untouched. On failure (an error, the source
 * throwing, the AbortSignal firing) the segments of this attempt are deleted unless
 * `keepSegmentsOnError`; whatever is left is named in the {@link LargeObjectUploadError}.
 */
import {
  AbortedError,
  HttpError,
  httpErrorFor,
  NotFoundError,
  ResourceNotFoundError,
  ValidationError,
} from '../../errors/errors.js';
import { decodeJson } from '../../session/decode.js';
import type { RequestOptions } from '../../session/request-options.js';
import type { ServiceClient } from '../../session/service-client.js';
import { bulkDelete, bulkReport } from './bulk-delete.js';
import { LargeObjectUploadError } from './errors.js';
import { unquoteEtag } from './hashing.js';
import { readLayout } from './layout.js';
import { Limiter } from './limiter.js';
import { markerListing } from './listing.js';
import { containerPath, encodeObjectName, objectPath } from './paths.js';
import {
  defaultSegmentContainer,
  isSegmentOf,
  type LargeObjectKind,
  newUploadId,
  segmentName,
  segmentPrefix,
} from './segment-names.js';
import { verifiedPut } from './segment-upload.js';
import { followUp, headersOf } from './send.js';
import { StreamSegmenter, type UploadSource } from './source.js';
import { largeObjectEtag } from './verify.js';

export interface SegmentedUploadOptions {
  container: string;
  name: string;
  source: UploadSource;
  /** Bytes per segment. */
  segmentSize: number;
  kind: LargeObjectKind;
  /** Default `<container>_segments`. */
  segmentContainer?: string;
  /** Segments in flight at once for files and bytes (default 4). */
  concurrency?: number;
  /** Share a limiter with other uploads (overrides `concurrency`). */
  limiter?: Limiter;
  /** Headers of the manifest: content type, metadata, expiry, If-None-Match. */
  manifestHeaders?: Record<string, string>;
  onBytes?: (n: number) => void;
  /** Leave this attempt's segments in place when it fails (default false: delete them). */
  keepSegmentsOnError?: boolean;
  /** Keep the segments of the object being replaced (default false: delete them once replaced). */
  leaveOldSegments?: boolean;
  /** The cluster's `slo.max_manifest_segments` (SLO only; default 1000). */
  maxSegments?: number;
}

/** One segment of a large object, as stored. */
export interface UploadedSegment {
  /** The segment's object name in the segment container. */
  name: string;
  /** Its MD5, as Swift confirmed it. */
  etag: string;
  /** Its size. */
  bytes: number;
}

/** A finished large-object upload: its kind, where its segments are, and its ETag. */
export interface SegmentedUploadResult {
  /** `slo` (static manifest) or `dlo` (dynamic, by prefix). */
  kind: LargeObjectKind;
  /** The container holding the segments. */
  segmentContainer: string;
  /** The segments, in order. */
  segments: UploadedSegment[];
  /** The large object's ETag (MD5 of the segment ETags), unquoted. */
  etag: string;
  /** The object's total size. */
  bytes: number;
  /** Segments of the replaced object that were deleted. */
  oldSegmentsDeleted: number;
}

async function ensureContainer(
  client: ServiceClient,
  container: string,
  call?: RequestOptions,
): Promise<void> {
  try {
    await headersOf(client, 'HEAD', containerPath(container), {}, call);
  } catch (e) {
    if (!(e instanceof NotFoundError)) throw e;
    await headersOf(client, 'PUT', containerPath(container), {}, call);
  }
}

/**
 * The target container must exist before any segment is sent: otherwise every segment would be
 * uploaded only for the manifest to fail with a 404 (the segment container is ours to create; the
 * target, with its ACLs and policies, is the caller's, as for a plain object).
 */
async function requireContainer(client: ServiceClient, container: string, call?: RequestOptions) {
  try {
    await headersOf(client, 'HEAD', containerPath(container), {}, call);
  } catch (e) {
    if (!(e instanceof NotFoundError)) throw e;
    throw new ResourceNotFoundError(
      `container "${container}" does not exist, so no large object can be stored in it. ` +
        `Fix: create it first (objectStore.createContainer('${container}'))`,
    );
  }
}

/** Segments of the object currently stored under the name (to delete once it is replaced). */
async function oldSegments(
  client: ServiceClient,
  container: string,
  name: string,
  call?: RequestOptions,
): Promise<{ container: string; name: string }[]> {
  let headers: Record<string, string>;
  try {
    headers = await headersOf(client, 'HEAD', objectPath(container, name), {}, call);
  } catch (e) {
    if (e instanceof NotFoundError) return [];
    throw e;
  }
  if (!headers['x-object-manifest'] && headers['x-static-large-object']?.toLowerCase() !== 'true') return [];
  // old versions of a versioned container still reference their segments
  const c = await headersOf(client, 'HEAD', containerPath(container), {}, call);
  if (
    c['x-versions-location'] ||
    c['x-history-location'] ||
    c['x-versions-enabled']?.toLowerCase() === 'true'
  )
    return [];
  const layout = await readLayout(client, container, name, headers, call);
  return layout.parts
    .filter((p) => p.container && p.name && isSegmentOf(name, p.name))
    .map((p) => ({ container: p.container!, name: p.name! }));
}

function manifestQuery(segments: number): Record<string, string> {
  return segments > 50 ? { 'multipart-manifest': 'put', heartbeat: 'on' } : { 'multipart-manifest': 'put' };
}

/**
 * The segments an attempt left: those confirmed, plus any Swift stored although their
 * response never arrived (a request aborted after its body was sent is still committed).
 * The upload's prefix is unique, so listing it finds exactly this attempt's segments.
 */
async function storedSegments(
  client: ServiceClient,
  segContainer: string,
  prefix: string,
  done: Map<number, UploadedSegment>,
  unconfirmed: boolean,
  call?: RequestOptions,
): Promise<string[]> {
  const names = new Set([...done.values()].map((s) => s.name));
  // give the proxy a moment to finish requests whose bodies it had fully received
  if (unconfirmed) await new Promise((r) => setTimeout(r, 300));
  try {
    const rows = markerListing(
      client,
      { path: containerPath(segContainer), query: { prefix }, call },
      (r) => r,
    );
    for await (const r of rows) if (typeof r.name === 'string') names.add(r.name);
  } catch {
    // the confirmed ones are still worth reporting
  }
  return [...names].sort();
}

/**
 * Upload `source` as a large object. `call` is the caller's options: its signal, timeout and
 * size cap apply to every request, its headers to the manifest only (like `manifestHeaders`).
 */
export async function uploadSegmented(
  client: ServiceClient,
  o: SegmentedUploadOptions,
  call?: RequestOptions,
): Promise<SegmentedUploadResult> {
  const segContainer = o.segmentContainer ?? defaultSegmentContainer(o.container);
  const size = o.source.size;
  const prefix = segmentPrefix(o.name, o.kind, newUploadId(), size, o.segmentSize);
  const limiter = o.limiter ?? new Limiter(o.concurrency ?? 4);
  const stop = new AbortController();
  const signal = call?.signal ? AbortSignal.any([call.signal, stop.signal]) : stop.signal;
  // the requests besides the manifest: the caller's options without the manifest's headers
  const aux = followUp(call);
  const uploaded: UploadedSegment[] = [];
  const done = new Map<number, UploadedSegment>();
  const what = `${o.container}/${o.name}`;
  let phase: 'segments' | 'manifest' = 'segments';
  let started = 0;

  objectPath(o.container, o.name); // validate names before sending anything
  const maxSegments = o.kind === 'slo' ? (o.maxSegments ?? 1000) : Number.POSITIVE_INFINITY;
  const tooMany = (n: number) =>
    new ValidationError(
      `${what} needs ${n}+ segments, more than the ${maxSegments} an SLO manifest may list`,
      {
        field: 'segmentSize',
        fix: `use a segmentSize of at least ${size !== undefined ? Math.ceil(size / maxSegments) : 'a bigger value'}`,
      },
    );
  if (size !== undefined && Math.ceil(size / o.segmentSize) > maxSegments)
    throw tooMany(Math.ceil(size / o.segmentSize));
  await requireContainer(client, o.container, aux);
  const previous = o.leaveOldSegments ? [] : await oldSegments(client, o.container, o.name, aux);
  await ensureContainer(client, segContainer, aux);

  const putSegment = (index: number, body: Parameters<typeof verifiedPut>[2]) =>
    limiter.run(async () => {
      if (signal.aborted) throw new AbortedError(`upload of ${what} aborted`);
      started++;
      const name = segmentName(prefix, index);
      // the combined signal is the call's own: the merge keeps it over the caller's
      const r = await verifiedPut(
        client,
        objectPath(segContainer, name),
        body,
        {
          headers: { 'content-type': 'application/octet-stream' },
          signal,
          onBytes: o.onBytes,
          what: `${what} segment ${index}`,
        },
        aux,
      );
      const seg = { name, etag: r.etag, bytes: r.bytes };
      done.set(index, seg);
      return seg;
    });

  try {
    if (o.source.range && size !== undefined) {
      const count = Math.max(1, Math.ceil(size / o.segmentSize));
      const tasks: Promise<UploadedSegment>[] = [];
      for (let i = 0; i < count; i++) {
        const start = i * o.segmentSize;
        const end = Math.min(size, start + o.segmentSize);
        const body =
          o.source.kind === 'bytes'
            ? { bytes: o.source.range(start, end) as Uint8Array }
            : { open: () => o.source.range!(start, end), length: end - start };
        tasks.push(
          putSegment(i, body).catch((e) => {
            stop.abort();
            throw e;
          }),
        );
      }
      const settled = await Promise.allSettled(tasks);
      const failed = settled.find((s) => s.status === 'rejected') as PromiseRejectedResult | undefined;
      if (failed) throw failed.reason;
      for (const s of settled) uploaded.push((s as PromiseFulfilledResult<UploadedSegment>).value);
    } else {
      const seg = new StreamSegmenter(o.source.stream!);
      try {
        for (let i = 0; await seg.hasMore(); i++) {
          if (signal.aborted) throw new AbortedError(`upload of ${what} aborted`);
          if (i >= maxSegments) throw tooMany(i + 1);
          uploaded.push(await putSegment(i, { stream: seg.segment(o.segmentSize) }));
        }
      } catch (e) {
        await seg.close();
        throw seg.sourceError ?? e;
      }
      if (uploaded.length === 0) {
        // an empty stream still becomes an object: one empty segment
        uploaded.push(await putSegment(0, { bytes: new Uint8Array(0) }));
      }
    }
    if (signal.aborted) throw new AbortedError(`upload of ${what} aborted`);

    phase = 'manifest';
    const etag = largeObjectEtag(uploaded.map((s) => ({ hash: s.etag })));
    const bytes = uploaded.reduce((a, s) => a + s.bytes, 0);
    if (o.kind === 'slo') {
      const manifest = uploaded.map((s) => ({
        path: `/${segContainer}/${s.name}`,
        etag: s.etag,
        size_bytes: s.bytes,
      }));
      const res = await client.request(
        'PUT',
        objectPath(o.container, o.name),
        {
          query: manifestQuery(uploaded.length),
          // a string body: Swift then guesses the object's content type from its name when none is given
          body: JSON.stringify(manifest),
          headers: { ...o.manifestHeaders, etag, accept: 'application/json' },
        },
        call,
      );
      // a 202 carries Swift's JSON report of the manifest; a 201 has no body worth reading
      const report = res.status === 202 ? await decodeJson(res, { required: false }) : undefined;
      if (res.status !== 202) await res.body.dump();
      if (report && report.value !== undefined) {
        const doc = bulkReport(report);
        const st = doc['Response Status'] ?? '';
        if (!st.startsWith('2')) {
          throw httpErrorFor({
            status: Number.parseInt(st, 10) || 400,
            method: 'PUT',
            url: `${what}?multipart-manifest=put`,
            serviceMessage: `manifest rejected: ${JSON.stringify(doc.Errors?.length ? doc.Errors : doc['Response Body'])}`,
          });
        }
      } else if (unquoteEtag(res.headers.etag) && unquoteEtag(res.headers.etag) !== etag) {
        throw new Error(`manifest of ${what}: ETag ${res.headers.etag} differs from the segments' ${etag}`);
      }
    } else {
      await headersOf(
        client,
        'PUT',
        objectPath(o.container, o.name),
        {
          body: new Uint8Array(0),
          headers: {
            ...o.manifestHeaders,
            'x-object-manifest': `${encodeURIComponent(segContainer)}/${encodeObjectName(prefix)}`,
          },
        },
        call,
      );
    }

    let oldSegmentsDeleted = 0;
    const keep = new Set(uploaded.map((s) => `${segContainer}/${s.name}`));
    const stale = previous.filter((p) => !keep.has(`${p.container}/${p.name}`));
    if (stale.length) {
      const r = await bulkDelete(client, stale, {}, aux).catch(() => undefined);
      oldSegmentsDeleted = r?.deleted ?? 0;
    }
    return {
      kind: o.kind,
      segmentContainer: segContainer,
      segments: uploaded,
      etag,
      bytes,
      oldSegmentsDeleted,
    };
  } catch (e) {
    stop.abort();
    // the cleanup runs even when the caller's signal has fired: its timeout, not its signal
    const cleanup = aux && { ...aux, signal: undefined };
    const written = await storedSegments(client, segContainer, prefix, done, started > done.size, cleanup);
    let orphans = written;
    // a manifest PUT that failed without an answer may still have been stored: keep its segments
    const ambiguous = phase === 'manifest' && !(e instanceof HttpError);
    if (!o.keepSegmentsOnError && !ambiguous && written.length) {
      const r = await bulkDelete(
        client,
        written.map((name) => ({ container: segContainer, name })),
        {},
        cleanup,
      ).catch(() => undefined);
      orphans = r ? r.errors.map((x) => x.path.replace(`/${segContainer}/`, '')) : written;
    }
    const aborted = call?.signal?.aborted || e instanceof AbortedError;
    throw new LargeObjectUploadError(
      `${aborted ? 'aborted' : 'failed'}: segmented upload of ${what} (${written.length} segment(s) written${
        orphans.length ? `, ${orphans.length} left in ${segContainer}` : ', all removed'
      })${ambiguous ? '' : '; the previous object is unchanged'}: ${(e as Error).message}`,
      segContainer,
      orphans,
      e,
    );
  }
}
