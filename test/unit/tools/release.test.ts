import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import {
  bumpVersion,
  changelogSection,
  compareVersions,
  ReleaseError,
  releaseChangelog,
  releaseKind,
  setLockVersion,
  setVersionConstant,
  today,
} from '../../../tools/release.js';

describe('release: version bump', () => {
  test('patch, minor and major from a release', () => {
    assert.equal(bumpVersion('0.1.0', 'patch'), '0.1.1', 'patch bumps z');
    assert.equal(bumpVersion('0.1.3', 'minor'), '0.2.0', 'minor bumps y and resets z');
    assert.equal(bumpVersion('0.4.2', 'major'), '1.0.0', 'major from 0.x is 1.0.0');
    assert.equal(bumpVersion('1.9.9', 'major'), '2.0.0', 'major bumps x and resets y and z');
  });

  test('a bump from a prerelease releases it', () => {
    assert.equal(bumpVersion('1.0.0-rc.1', 'patch'), '1.0.0', 'patch of x.y.z-pre is x.y.z');
    assert.equal(bumpVersion('1.0.0-rc.1', 'major'), '1.0.0', 'major of x.0.0-pre is x.0.0');
    assert.equal(bumpVersion('1.2.0-rc.1', 'minor'), '1.2.0', 'minor of x.y.0-pre is x.y.0');
  });

  test('an explicit version must be a version and higher than the current one', () => {
    assert.equal(bumpVersion('0.1.0', '0.3.0'), '0.3.0', 'explicit higher version is taken');
    assert.equal(bumpVersion('0.9.0', '1.0.0-rc.1'), '1.0.0-rc.1', 'explicit prerelease is taken');
    assert.throws(
      () => bumpVersion('0.2.0', '0.1.9'),
      /not higher than the current version 0\.2\.0/,
      'lower refused',
    );
    assert.throws(() => bumpVersion('0.2.0', '0.2.0'), ReleaseError, 'equal refused');
    assert.throws(
      () => bumpVersion('0.2.0', 'next'),
      /neither patch, minor, major nor a version/,
      'word refused',
    );
    assert.throws(() => bumpVersion('0.2.0', '01.2.3'), ReleaseError, 'leading zero refused');
    assert.throws(
      () => bumpVersion('banana', 'patch'),
      /"banana" is not a version/,
      'bad current version refused',
    );
  });

  test('compareVersions orders prereleases before their release', () => {
    assert.equal(compareVersions('1.0.0-rc.1', '1.0.0'), -1, 'prerelease is lower');
    assert.equal(compareVersions('1.0.0', '0.99.99'), 1, 'numeric, not string, order');
    assert.equal(compareVersions('0.10.0', '0.9.0'), 1, 'minor 10 > 9');
    assert.equal(compareVersions('2.1.3', '2.1.3'), 0, 'equal');
  });

  test('releaseKind names the part that changed', () => {
    assert.equal(releaseKind('0.1.0', '0.1.1'), 'patch', 'z changed');
    assert.equal(releaseKind('0.1.4', '0.2.0'), 'minor', 'y changed');
    assert.equal(releaseKind('0.9.0', '1.0.0'), 'major', 'x changed');
  });
});

const CHANGELOG = `# Changelog

Intro text.

## [Unreleased]

### Added

- A new proxy method.
- Another one,
  on two lines.

### Changed

### Fixed

- A bug.

## [0.1.0] - 2026-11-25

### Added

- Everything.
`;

describe('release: changelog rewrite', () => {
  test('moves the [Unreleased] entries under the new version and leaves [Unreleased] empty', () => {
    const out = releaseChangelog(CHANGELOG, '0.2.0', '2026-12-03');
    assert.equal(
      out,
      `# Changelog

Intro text.

## [Unreleased]

## [0.2.0] - 2026-12-03

### Added

- A new proxy method.
- Another one,
  on two lines.

### Fixed

- A bug.

## [0.1.0] - 2026-11-25

### Added

- Everything.
`,
      'entries moved, empty "### Changed" dropped, older sections untouched',
    );
  });

  test('the result can be released again once it has new entries', () => {
    const once = releaseChangelog(CHANGELOG, '0.2.0', '2026-12-03');
    assert.throws(
      () => releaseChangelog(once, '0.2.1', '2026-12-04'),
      /no entries/,
      'empty [Unreleased] refused',
    );
    const more = once.replace('## [Unreleased]\n', '## [Unreleased]\n\n### Fixed\n\n- Second bug.\n');
    const twice = releaseChangelog(more, '0.2.1', '2026-12-04');
    assert.equal(
      changelogSection(twice, '0.2.1'),
      '## [0.2.1] - 2026-12-04\n\n### Fixed\n\n- Second bug.',
      'second release section',
    );
    assert.ok(twice.indexOf('## [0.2.1]') < twice.indexOf('## [0.2.0]'), 'newest release first');
    assert.ok(
      twice.startsWith('# Changelog\n\nIntro text.\n\n## [Unreleased]\n\n## [0.2.1]'),
      'unreleased on top, empty',
    );
  });

  test('[Unreleased] as the last section (no earlier release)', () => {
    const out = releaseChangelog(
      '# Changelog\n\n## [Unreleased]\n\n### Added\n\n- First.\n',
      '0.1.0',
      '2026-01-02',
    );
    assert.equal(
      out,
      '# Changelog\n\n## [Unreleased]\n\n## [0.1.0] - 2026-01-02\n\n### Added\n\n- First.\n',
      'whole',
    );
  });

  test('refuses what it cannot release', () => {
    assert.throws(
      () => releaseChangelog('# Changelog\n', '0.2.0', '2026-12-03'),
      /no "## \[Unreleased\]"/,
      'no section',
    );
    assert.throws(
      () =>
        releaseChangelog('## [Unreleased]\n\n### Added\n\n## [0.1.0] - x\n\n- old\n', '0.2.0', '2026-12-03'),
      /has no entries/,
      'only empty headings',
    );
    assert.throws(
      () => releaseChangelog(CHANGELOG, '0.1.0', '2026-12-03'),
      /already has a section for 0\.1\.0/,
      'dup',
    );
    assert.throws(() => releaseChangelog(CHANGELOG, '0.2.0', '3 Dec 2026'), /not YYYY-MM-DD/, 'bad date');
  });

  test("the project's own CHANGELOG.md is releasable", () => {
    const text = readFileSync(new URL('../../../CHANGELOG.md', import.meta.url), 'utf8');
    const out = releaseChangelog(text, '99.0.0', '2026-12-31');
    const section = changelogSection(out, '99.0.0') ?? '';
    assert.match(section, /^## \[99\.0\.0\] - 2026-12-31\n\n### /, 'section starts with a subsection');
    assert.ok(section.includes('\n- '), 'section has entries');
    assert.ok(out.includes('## [0.1.0]'), 'the 0.1.0 section is kept');
  });
});

describe('release: version files', () => {
  test('src/version.ts: VERSION replaced, the rest kept', () => {
    const src = readFileSync(new URL('../../../src/version.ts', import.meta.url), 'utf8');
    const out = setVersionConstant(src, '0.2.0');
    assert.match(out, /^export const VERSION = '0\.2\.0';$/m, 'new version');
    assert.equal(out.replace("'0.2.0'", "'X'"), src.replace(/'[^']*';/, "'X';"), 'only the version changed');
    assert.throws(
      () => setVersionConstant('export const V = 1;', '0.2.0'),
      /no line `export const VERSION/,
      'missing',
    );
  });

  test('package-lock.json: both root version fields', () => {
    const lock = {
      name: 'p',
      version: '0.1.0',
      lockfileVersion: 3,
      packages: { '': { name: 'p', version: '0.1.0' }, 'node_modules/x': { version: '1.0.0' } },
    };
    const out = setLockVersion(lock, '0.2.0');
    assert.equal(out.version, '0.2.0', 'top-level version');
    assert.equal(out.packages[''].version, '0.2.0', 'root package version');
    assert.equal(out.packages['node_modules/x'].version, '1.0.0', 'dependencies untouched');
    assert.equal(lock.version, '0.1.0', 'input not mutated');
    assert.throws(
      () => setLockVersion({ version: '0.1.0' }, '0.2.0'),
      /no packages\[""\]/,
      'lockfile v1 refused',
    );
  });

  test('today is a UTC date', () => {
    assert.equal(today(new Date('2026-12-03T23:30:00-05:00')), '2026-12-04', 'UTC, not local');
  });
});
