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
  /** What happened to the file (`skipped`: identical content already there). */
  status: 'uploaded' | 'downloaded' | 'skipped' | 'failed';
  /** Size in bytes. */
  bytes: number;
  /** Segments, for large objects. */
  segments?: number;
  /** Why it failed. */
  error?: Error;
}

/** Aggregate progress, reported as files complete and (at most every `progressIntervalMs`) as bytes flow. */
export interface TransferProgress {
  /** Files finished (transferred, skipped or failed). */
  filesDone: number;
  /** Files in the transfer. */
  filesTotal: number;
  /** Bytes transferred or skipped as identical. */
  bytesDone: number;
  /** Bytes of all files. */
  bytesTotal: number;
  /** The file that just completed, when the report is about one. */
  file?: FileTransferResult;
}

/** The outcome of a directory upload or a container download: one entry per file, and totals. */
export interface TransferSummary {
  /** The container transferred to or from. */
  container: string;
  /** One result per file, failures included (a transfer never throws for one file). */
  files: FileTransferResult[];
  /** Files sent or received. */
  transferred: number;
  /** Files left alone because their content matched. */
  skipped: number;
  /** Files that failed: check `files` for their errors. */
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
