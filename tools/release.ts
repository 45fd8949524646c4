/**
 * Makes a release tarball: `npm run release -- <patch|minor|major|x.y.z> [--dry-run]`.
 *
 * Refuses on a dirty tree or failing checks; bumps package.json, package-lock.json and
 * src/version.ts; moves CHANGELOG.md's [Unreleased] entries under the new version with today's
 * date (UTC); rebuilds dist/ from empty; runs api:check, pack:check, pack:lint and pack:consumers; runs `npm pack`; then prints
 * the git commands to commit and tag. It never commits, tags, pushes or publishes.
 * The policy it implements is docs/releases.md. The pure parts are exported for the unit tests.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A release version request: a bump kind or an explicit version. */
export type BumpSpec = 'patch' | 'minor' | 'major' | string;

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z.-]+))?$/;

/** Raised for anything that stops a release; the message says what to do. */
export class ReleaseError extends Error {
  override name = 'ReleaseError';
}

function parse(v: string): [number, number, number, string | undefined] {
  const m = SEMVER.exec(v);
  if (!m) throw new ReleaseError(`"${v}" is not a version (x.y.z or x.y.z-pre)`);
  return [Number(m[1]), Number(m[2]), Number(m[3]), m[4]];
}

/** -1, 0 or 1 as `a` is lower than, equal to or higher than `b` (a prerelease is lower than its release). */
export function compareVersions(a: string, b: string): number {
  const pa = parse(a);
  const pb = parse(b);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return (pa[i] as number) < (pb[i] as number) ? -1 : 1;
  if (pa[3] === pb[3]) return 0;
  if (pa[3] === undefined) return 1;
  if (pb[3] === undefined) return -1;
  return pa[3] < pb[3] ? -1 : 1;
}

/**
 * The version after `current` for `spec`. A bump from a prerelease releases it (1.0.0-rc.1 + patch
 * = 1.0.0); `major` from 0.y.z is 1.0.0. An explicit version must be higher than `current`.
 */
export function bumpVersion(current: string, spec: BumpSpec): string {
  const [major, minor, patch, pre] = parse(current);
  switch (spec) {
    case 'patch':
      return pre === undefined ? `${major}.${minor}.${patch + 1}` : `${major}.${minor}.${patch}`;
    case 'minor':
      return pre === undefined || patch !== 0 ? `${major}.${minor + 1}.0` : `${major}.${minor}.0`;
    case 'major':
      return pre === undefined || minor !== 0 || patch !== 0 ? `${major + 1}.0.0` : `${major}.0.0`;
    default: {
      if (!SEMVER.test(spec)) {
        throw new ReleaseError(`"${spec}" is neither patch, minor, major nor a version x.y.z`);
      }
      if (compareVersions(spec, current) <= 0) {
        throw new ReleaseError(`${spec} is not higher than the current version ${current}`);
      }
      return spec;
    }
  }
}

/** Which part a release from `from` to `to` changes: what the policy allows it to contain. */
export function releaseKind(from: string, to: string): 'major' | 'minor' | 'patch' {
  const [a, b] = [parse(from), parse(to)];
  if (a[0] !== b[0]) return 'major';
  if (a[1] !== b[1]) return 'minor';
  return 'patch';
}

const UNRELEASED = /^## \[Unreleased\][^\n]*$/m;

/**
 * CHANGELOG.md with the [Unreleased] entries moved under `## [version] - date`, leaving an empty
 * [Unreleased] section above it. Subsections without entries are dropped from the release.
 * Throws when there is no [Unreleased] section, it has no entries, or `version` is already listed.
 */
export function releaseChangelog(text: string, version: string, date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new ReleaseError(`date "${date}" is not YYYY-MM-DD`);
  const head = UNRELEASED.exec(text);
  if (!head) throw new ReleaseError('CHANGELOG.md has no "## [Unreleased]" section');
  const escaped = version.replace(/[.+-]/g, '\\$&');
  if (new RegExp(`^## \\[${escaped}\\]`, 'm').test(text)) {
    throw new ReleaseError(`CHANGELOG.md already has a section for ${version}`);
  }
  const bodyStart = head.index + head[0].length;
  const next = /^## /m.exec(text.slice(bodyStart));
  const bodyEnd = next ? bodyStart + next.index : text.length;
  const body = text.slice(bodyStart, bodyEnd);

  // split into subsections (### Added, ...); text before the first one is kept as an intro
  const parts = body.split(/^(?=### )/m);
  const kept = parts
    .map((p) => p.trim())
    .filter((p) => p !== '' && (!p.startsWith('### ') || /^\s*[-*] \S/m.test(p.slice(p.indexOf('\n') + 1))));
  if (!kept.some((p) => /^\s*[-*] \S/m.test(p))) {
    throw new ReleaseError(
      'CHANGELOG.md\'s [Unreleased] section has no entries: add what this release changes ("- ..." lines under ### Added/Changed/Fixed/...)',
    );
  }
  const released = `## [${version}] - ${date}\n\n${kept.join('\n\n')}\n${next ? '\n' : ''}`;
  return `${text.slice(0, bodyStart)}\n\n${released}${text.slice(bodyEnd)}`;
}

/** The `## [version]` section of a changelog (heading included), or undefined. */
export function changelogSection(text: string, version: string): string | undefined {
  const start = text.indexOf(`## [${version}]`);
  if (start < 0) return undefined;
  const next = /^## /m.exec(text.slice(start + 3));
  return text.slice(start, next ? start + 3 + next.index : text.length).trimEnd();
}

/** src/version.ts with VERSION set to `version`. */
export function setVersionConstant(text: string, version: string): string {
  const re = /^export const VERSION = '[^']*';$/m;
  if (!re.test(text)) throw new ReleaseError("src/version.ts has no line `export const VERSION = '...';`");
  return text.replace(re, `export const VERSION = '${version}';`);
}

/** package-lock.json (parsed) with the root package's version set, in both places npm keeps it. */
export function setLockVersion(lock: Record<string, any>, version: string): Record<string, any> {
  const root = lock.packages?.[''];
  if (!root)
    throw new ReleaseError('package-lock.json has no packages[""] entry: regenerate it with npm install');
  return { ...lock, version, packages: { ...lock.packages, '': { ...root, version } } };
}

/** Today as YYYY-MM-DD in UTC (the changelog's release date). */
export function today(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

// ---- the command (everything below touches the disk, git or npm) ----

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function sh(cmd: string, args: string[], opts: { quiet?: boolean } = {}): string {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', stdio: opts.quiet ? 'pipe' : 'inherit' });
  if (r.status !== 0) {
    const out = opts.quiet ? `\n${r.stdout ?? ''}${r.stderr ?? ''}`.trimEnd() : '';
    throw new ReleaseError(`\`${[cmd, ...args].join(' ')}\` failed (exit ${r.status})${out}`);
  }
  return r.stdout ?? '';
}

function step(title: string, cmd: string, args: string[]): void {
  const t0 = Date.now();
  console.log(`release: ${title}`);
  sh(cmd, args);
  console.log(`release: ${title}: ok (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

function main(argv: string[]): void {
  const dryRun = argv.includes('--dry-run');
  const spec = argv.find((a) => !a.startsWith('--'));
  if (!spec) throw new ReleaseError('usage: npm run release -- <patch|minor|major|x.y.z> [--dry-run]');

  const files = {
    pkg: join(root, 'package.json'),
    lock: join(root, 'package-lock.json'),
    version: join(root, 'src', 'version.ts'),
    changelog: join(root, 'CHANGELOG.md'),
  };
  const original = Object.fromEntries(
    Object.entries(files).map(([k, p]) => [k, readFileSync(p, 'utf8')]),
  ) as Record<keyof typeof files, string>;
  const pkg = JSON.parse(original.pkg) as { name: string; version: string };
  const next = bumpVersion(pkg.version, spec);
  const date = today();
  // computed first, so a changelog without entries stops the release before any check runs
  const changelog = releaseChangelog(original.changelog, next, date);
  const newPkg = original.pkg.replace(/^(\s*"version":\s*)"[^"]*"/m, `$1"${next}"`);
  const newLock = `${JSON.stringify(setLockVersion(JSON.parse(original.lock), next), null, 2)}\n`;
  const newVersion = setVersionConstant(original.version, next);
  console.log(
    `release: ${pkg.name} ${pkg.version} -> ${next} (${releaseKind(pkg.version, next)}), dated ${date}`,
  );

  if (dryRun) {
    console.log(
      `release: --dry-run, nothing written. CHANGELOG.md would gain:\n\n${changelogSection(changelog, next)}\n`,
    );
    return;
  }

  // a tree with uncommitted changes would release something no commit describes
  const dirty = sh('git', ['status', '--porcelain'], { quiet: true })
    .split('\n')
    .filter((l) => l.trim() !== '' && l.slice(3) !== 'node_modules');
  if (dirty.length) {
    throw new ReleaseError(`the working tree is not clean; commit or stash first:\n${dirty.join('\n')}`);
  }
  const tag = `v${next}`;
  if (sh('git', ['tag', '--list', tag], { quiet: true }).trim() === tag) {
    throw new ReleaseError(`tag ${tag} already exists`);
  }

  // a patch release never changes the public API (docs/releases.md): compare with the last release's report
  const report = 'api/openstack-sdk.api.md';
  const previous = `v${pkg.version}`;
  if (
    releaseKind(pkg.version, next) === 'patch' &&
    sh('git', ['tag', '--list', previous], { quiet: true }).trim() === previous
  ) {
    const before = spawnSync('git', ['show', `${previous}:${report}`], { cwd: root, encoding: 'utf8' });
    if (before.status === 0 && before.stdout !== readFileSync(join(root, report), 'utf8')) {
      throw new ReleaseError(
        `${report} changed since ${previous}: a public API change needs a minor (or major) release, not a patch`,
      );
    }
  }

  // checks on the tree as committed (the functional suite needs a cloud: CI must be green on this commit)
  step('type check', 'npm', ['run', '--silent', 'typecheck']);
  step('lint', 'npm', ['run', '--silent', 'lint']);
  step('unit tests', 'npm', ['run', '--silent', 'test:unit']);

  writeFileSync(files.pkg, newPkg);
  writeFileSync(files.lock, newLock);
  writeFileSync(files.version, newVersion);
  writeFileSync(files.changelog, changelog);
  const tarball = `${pkg.name}-${next}.tgz`;
  try {
    // from an empty dist/: tsc never deletes the output of a source that is gone
    rmSync(join(root, 'dist'), { recursive: true, force: true });
    step('build', 'npm', ['run', '--silent', 'build']);
    step('API report', 'node', ['tools/api-report.mjs', 'check', '--no-build']);
    step('package contents', 'node', ['tools/check-pack.mjs']);
    step('package lint', 'npm', ['run', '--silent', 'pack:lint']);
    step('package consumers', 'node', ['tools/check-consumers.mjs']);
    step(`tarball ${tarball}`, 'npm', ['pack', '--ignore-scripts', '--silent']);
  } catch (e) {
    for (const [k, p] of Object.entries(files)) writeFileSync(p, original[k as keyof typeof files]);
    throw new ReleaseError(`${(e as Error).message}\nrelease: the version bump was undone (files restored)`);
  }

  console.log(`
release: ${tarball} is ready. Review CHANGELOG.md, then:

  git add package.json package-lock.json src/version.ts CHANGELOG.md
  git commit -m "release: ${next}"
  git tag -a ${tag} -m "${pkg.name} ${next}"
  git push origin HEAD ${tag}
  npm publish ${tarball}
`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof ReleaseError)) throw e;
    console.error(`release: ${e.message}`);
    process.exit(1);
  }
}
