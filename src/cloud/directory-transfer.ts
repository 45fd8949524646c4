/**
 * Shared by {@link uploadDirectory} and {@link downloadContainer}: per-file results,
 * aggregate progress (files and bytes), and a throttled progress reporter.
 */

/** The outcome for one file. */
export interface FileTransferResult {
  /** Path relative to the local directory, `/`-separated. */
  path: string;
  /** Object name in the container. */
  object: string;
  status: 'uploaded' | 'downloaded' | 'skipped' | 'failed';
  /** Size in bytes. */
  bytes: number;
  /** Segments, for large objects. */
  segments?: number;
  error?: Error;
}

/** Aggregate progress, reported as files complete and (at most every `progressIntervalMs`) as bytes flow. */
export interface TransferProgress {
  filesDone: number;
  filesTotal: number;
  /** Bytes transferred or skipped as identical. */
  bytesDone: number;
  bytesTotal: number;
  /** The file that just completed, when the report is about one. */
  file?: FileTransferResult;
}

export interface TransferSummary {
  container: string;
  files: FileTransferResult[];
  transferred: number;
  skipped: number;
  failed: number;
  /** Bytes actually sent or received. */
  bytesTransferred: number;
  /** Wall time in seconds. */
  seconds: number;
}

/** Keeps the counters and calls `onProgress` (throttled for byte updates). */
export class ProgressReporter {
  readonly p: TransferProgress;
  bytesTransferred = 0;
  private last = 0;

  constructor(
    filesTotal: number,
    bytesTotal: number,
    private readonly onProgress?: (p: TransferProgress) => void,
    private readonly intervalMs = 100,
  ) {
    this.p = { filesDone: 0, filesTotal, bytesDone: 0, bytesTotal };
  }

  /** Bytes moved (negative when a retry rewinds). */
  bytes(n: number): void {
    this.p.bytesDone += n;
    this.bytesTransferred += n;
    const now = Date.now();
    if (this.onProgress && now - this.last >= this.intervalMs) {
      this.last = now;
      this.onProgress({ ...this.p });
    }
  }

  /** A file finished; `skippedBytes` count as done without being transferred. */
  fileDone(file: FileTransferResult, skippedBytes = 0): void {
    this.p.filesDone++;
    this.p.bytesDone += skippedBytes;
    this.onProgress?.({ ...this.p, file });
  }
}

/** Run `fn` over items with at most `limit` in flight; results keep the input order. */
export async function mapPool<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export function summarize(
  container: string,
  files: FileTransferResult[],
  bytesTransferred: number,
  started: number,
): TransferSummary {
  return {
    container,
    files,
    transferred: files.filter((f) => f.status === 'uploaded' || f.status === 'downloaded').length,
    skipped: files.filter((f) => f.status === 'skipped').length,
    failed: files.filter((f) => f.status === 'failed').length,
    bytesTransferred,
    seconds: (performance.now() - started) / 1000,
  };
}
