/** The ostack CLI without a cloud: formatting, errors and exit codes, the tree, completion, lazy loading. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { relativePath } from '../../../src/cli/commands/api.js';
import { forEachItem, parseProperties } from '../../../src/cli/commands/common.js';
import { completionScript, completionTable } from '../../../src/cli/completion.js';
import { CliContext } from '../../../src/cli/context.js';
import { describeError, EXIT, exitCodeFor } from '../../../src/cli/exit.js';
import { cell, formatList, formatOne } from '../../../src/cli/output.js';
import { buildProgram, commandWord } from '../../../src/cli/program.js';
import {
  ConfigError,
  ConflictError,
  NotFoundError,
  ResourceNotFoundError,
  ValidationError,
} from '../../../src/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');

function paths(cmd: Command, prefix = ''): string[] {
  return cmd.commands.flatMap((c) => {
    const p = `${prefix}${c.name()}`;
    return [p, ...paths(c, `${p} `)];
  });
}

describe('output', () => {
  const rows = [
    { ID: 'a', Name: 'one', RAM: 128, Networks: { private: ['10.0.0.5', '172.24.4.9'] }, Tags: ['x', 'y'] },
    { ID: 'b', Name: 'two', RAM: 2048, Networks: {}, Tags: [] },
  ];
  test('cells: lists joined, dicts as key=value, null empty', () => {
    assert.equal(cell(['a', 'b']), 'a, b');
    assert.equal(cell({ k: 'v', n: 1 }), "k='v', n='1'");
    assert.equal(cell(null), '');
    assert.equal(cell([{ ip_address: '10.0.0.1' }]), "ip_address='10.0.0.1'");
  });
  test('table: openstackclient look, numbers right-aligned', async () => {
    const t = await formatList(rows, ['ID', 'Name', 'RAM'], { format: 'table' });
    assert.equal(
      t,
      [
        '+----+------+------+',
        '| ID | Name |  RAM |',
        '+----+------+------+',
        '| a  | one  |  128 |',
        '| b  | two  | 2048 |',
        '+----+------+------+',
      ].join('\n'),
    );
  });
  test('json keeps values; -c selects and orders columns, also non-default ones', async () => {
    const j = JSON.parse(await formatList(rows, ['ID', 'Name'], { format: 'json', columns: ['Tags', 'ID'] }));
    assert.deepEqual(j, [
      { Tags: ['x', 'y'], ID: 'a' },
      { Tags: [], ID: 'b' },
    ]);
  });
  test('value: space-separated cells, one row per line', async () => {
    assert.equal(await formatList(rows, ['ID', 'RAM'], { format: 'value' }), 'a 128\nb 2048');
  });
  test('yaml and empty lists', async () => {
    assert.match(await formatList(rows, ['ID'], { format: 'yaml' }), /^- ID: a\n- ID: b$/);
    assert.equal(await formatList([], ['ID'], { format: 'json' }), '[]');
    assert.equal(await formatList([], ['ID'], { format: 'table' }), '');
  });
  test('an unknown column is a ValidationError listing the columns', async () => {
    await assert.rejects(
      formatList(rows, ['ID'], { format: 'table', columns: ['Nope'] }),
      (e: Error) => e instanceof ValidationError && /Nope/.test(e.message) && /ID, Name, RAM/.test(e.message),
    );
    await assert.rejects(formatOne({ a: 1 }, { format: 'json', columns: ['b'] }), ValidationError);
  });
  test('show: Field/Value table, value format prints values only', async () => {
    assert.match(
      await formatOne({ id: 'x', name: 'n' }, { format: 'table' }),
      /\| Field \| Value \|\n.*\n\| id {4}\| x {5}\|/,
    );
    assert.equal(await formatOne({ id: 'x', name: 'n' }, { format: 'value', columns: ['name'] }), 'n');
  });
});

describe('errors and exit codes', () => {
  test('API errors read like openstackclient: message, HTTP status, request id', () => {
    const e = new ConflictError({
      status: 409,
      method: 'DELETE',
      url: 'http://x/v2.0/networks/1',
      serviceMessage: 'Unable to complete operation on network 1.',
      requestId: 'req-abc',
    });
    assert.equal(
      describeError(e),
      'Unable to complete operation on network 1. (HTTP 409) (Request-ID: req-abc)',
    );
    assert.match(describeError(e, true), /DELETE http:\/\/x\/v2.0\/networks\/1/);
    const bare = new NotFoundError({ status: 404, method: 'GET', url: 'http://x/y' });
    assert.equal(describeError(bare), 'GET http://x/y (HTTP 404)');
  });
  test('0 ok, 1 API and lookup errors, 2 usage and configuration', () => {
    assert.equal(exitCodeFor(new NotFoundError({ status: 404, method: 'GET', url: 'u' })), EXIT.error);
    assert.equal(exitCodeFor(new ResourceNotFoundError('no server')), EXIT.error);
    assert.equal(exitCodeFor(new ValidationError('bad')), EXIT.usage);
    assert.equal(exitCodeFor(new ConfigError('no cloud')), EXIT.usage);
    assert.equal(exitCodeFor(new Error('other')), EXIT.error);
  });
});

describe('command tree', () => {
  const all = paths(buildProgram());
  test('has the openstackclient-style commands', () => {
    for (const p of [
      'server list',
      'server show',
      'server create',
      'server delete',
      'server start',
      'server stop',
      'server reboot',
      'server add floating ip',
      'server remove floating ip',
      'server add volume',
      'server remove volume',
      'flavor list',
      'flavor show',
      'image list',
      'image show',
      'image create',
      'image delete',
      'network create',
      'network delete',
      'subnet create',
      'port list',
      'port show',
      'router add subnet',
      'router remove subnet',
      'floating ip list',
      'floating ip create',
      'floating ip delete',
      'security group list',
      'security group create',
      'security group delete',
      'security group rule list',
      'security group rule create',
      'security group rule delete',
      'volume list',
      'volume create',
      'volume delete',
      'container list',
      'container create',
      'container delete',
      'object list',
      'object upload',
      'object download',
      'object delete',
      'token issue',
      'catalog list',
      'project list',
      'project show',
      'project cleanup',
      'user list',
      'user show',
      'api',
      'completion',
    ]) {
      assert.ok(all.includes(p), `missing: ${p}`);
    }
  });
  test('a group without a subcommand, or an unknown option, is a usage error (exit 2) on stderr', () => {
    const run = (...a: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...a], {
        encoding: 'utf8',
        cwd: root,
        env: { ...process.env, OS_CLOUD: '' },
      });
    const r = run('server', 'list', '--no-such-option');
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /unknown option '--no-such-option'/);
    assert.equal(run('flavor').status, 2);
    const h = run('server', 'create', '--help');
    assert.equal(h.status, 0);
    assert.match(h.stdout, /--auto-ip/);
    // --version prints package.json's version (src/version.ts must follow it)
    const v = run('--version');
    assert.equal(v.status, 0);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    assert.equal(v.stdout.trim(), pkg.version);
  });
});

describe('helpers', () => {
  test('key=value properties', () => {
    assert.deepEqual(parseProperties(['a=1', 'b=x=y']), { a: '1', b: 'x=y' });
    assert.throws(() => parseProperties(['novalue']), ValidationError);
  });
  test('multi-delete: every item attempted, one error counting the failures', async () => {
    const err: string[] = [];
    const ctx = new CliContext({ format: 'table' }, process.stdout, {
      write: (s: string) => err.push(s),
    } as unknown as NodeJS.WritableStream);
    const seen: string[] = [];
    await assert.rejects(
      forEachItem(ctx, ['a', 'b', 'c'], 'server', 'delete', async (x) => {
        seen.push(x);
        if (x !== 'b') throw new ResourceNotFoundError(`no server ${x}`);
      }),
      /2 of 3 servers failed to delete/,
    );
    assert.deepEqual(seen, ['a', 'b', 'c']);
    assert.equal(err.length, 2);
    const single = new ResourceNotFoundError('no server a');
    await assert.rejects(
      forEachItem(ctx, ['a'], 'server', 'delete', async () => {
        throw single;
      }),
      (e) => e === single,
    );
  });
  test('api paths: relative to the versioned base, a repeated version is dropped', () => {
    assert.equal(relativePath('http://h:9696/v2.0', '/v2.0/networks?name=x'), '/networks?name=x');
    assert.equal(relativePath('http://h:9696/v2.0/', 'networks'), '/networks');
    assert.equal(relativePath('http://h:8774/v2.1', '/servers'), '/servers');
    assert.equal(relativePath('http://h:8080/v1/AUTH_x', '/v1/c'), '/v1/c');
  });
});

describe('command tree built for one group', () => {
  const all = paths(buildProgram());
  const argv = (...words: string[]) => ['node', 'ostack', ...words];
  test('a group named on the command line is built alone, with the same commands as in the whole tree', () => {
    const groups = [...new Set(all.map((p) => p.split(' ')[0]!))].filter((g) => g !== 'completion');
    assert.ok(groups.length > 15, `every group should be seen, got ${groups.join(' ')}`);
    for (const g of groups) {
      const built = paths(buildProgram(argv('--os-cloud', 'c', g, 'list')));
      assert.deepEqual(
        built,
        all.filter((p) => p === g || p.startsWith(`${g} `)),
        `ostack ${g} ... should build the ${g} group exactly, and nothing else`,
      );
    }
  });
  test('no group, an unknown word, help and completion build the whole tree', () => {
    for (const words of [[], ['--help'], ['help', 'flavor'], ['flavr', 'list'], ['completion', 'bash']])
      assert.deepEqual(
        paths(buildProgram(argv(...words))),
        all,
        `ostack ${words.join(' ')} needs every group`,
      );
  });
  test('the command word skips global options and their values', () => {
    const program = buildProgram();
    const word = (...args: string[]) => commandWord(program, args);
    assert.equal(word('--os-cloud', 'flavor', 'server', 'list'), 'server', '--os-cloud takes the next word');
    assert.equal(word('-c', 'Name', '-f', 'json', 'flavor'), 'flavor', '-c and -f take the next word');
    assert.equal(word('--format=json', '--debug', 'image'), 'image', 'flags and --x=y take none');
    assert.equal(word('--token-cache', '--', 'port'), 'port', 'after --, the next word');
    assert.equal(word('--debug'), undefined, 'no command word at all');
  });
});

describe('completion', () => {
  const program = buildProgram();
  test('every command path is in the table with its subcommands and options', () => {
    const { table, valued } = completionTable(program);
    assert.ok(table.get('ostack')?.includes('server'));
    assert.ok(table.get('ostack security group')?.includes('rule'));
    assert.ok(table.get('ostack security group rule')?.includes('create'));
    assert.ok(table.get('ostack server create')?.includes('--auto-ip'));
    for (const verb of ['add', 'remove'])
      assert.deepEqual(
        table.get(`ostack server ${verb}`)?.filter((w) => !w.startsWith('-')),
        ['floating', 'volume'],
        `server ${verb} holds floating ip and volume`,
      );
    assert.ok(table.get('ostack server add volume')?.includes('--device'), 'add volume takes --device');
    assert.ok(valued.includes('--os-cloud') && valued.includes('--image') && !valued.includes('--wait'));
  });
  test('the bash script completes subcommands, skipping option values', () => {
    const script = completionScript(program, 'bash');
    const complete = (...words: string[]) => {
      const cw = words.length - 1;
      const r = spawnSync(
        'bash',
        [
          '-c',
          `${script}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${cw}; _ostack; echo "\${COMPREPLY[*]}"`,
        ],
        { encoding: 'utf8' },
      );
      assert.equal(r.status, 0, r.stderr);
      return r.stdout.trim().split(/\s+/);
    };
    assert.deepEqual(complete('ostack', 'fl'), ['flavor', 'floating']);
    assert.deepEqual(complete('ostack', '--os-cloud', 'server', 'fl'), ['flavor', 'floating']);
    assert.deepEqual(complete('ostack', 'floating', 'ip', 'cr'), ['create']);
    assert.deepEqual(complete('ostack', 'server', 'create', 'vm', '--image', 'cirros', '--auto'), [
      '--auto-ip',
    ]);
  });
  test('other shells are a usage error', () => {
    assert.throws(() => completionScript(program, 'fish'), ValidationError);
  });
});

describe('start-up stays small', () => {
  /** Relative modules a file imports for their values (type-only imports erased). */
  function staticImports(file: string): string[] {
    const src = readFileSync(file, 'utf8');
    const out: string[] = [];
    for (const m of src.matchAll(/^(?:import|export)\s+(?!type\b)([^;]*?)\s+from\s+'([^']+)';/gms)) {
      const what = m[1]!;
      // `import { type A, type B } from` is erased too
      if (
        /^\{[^}]*\}$/s.test(what.trim()) &&
        what
          .replace(/[{}\s]/g, '')
          .split(',')
          .every((x) => x.startsWith('type'))
      )
        continue;
      out.push(m[2]!);
    }
    for (const m of src.matchAll(/^import\s+'([^']+)';/gm)) out.push(m[1]!);
    return out;
  }
  test('the command tree loads no SDK, no command module and no formatter up front', () => {
    const seen = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of staticImports(file)) {
        if (!spec.startsWith('.')) {
          packages.add(spec);
          continue;
        }
        visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      }
    };
    // bin.ts (installed) and main.ts (from source) turn the compile cache on, then load run.ts
    visit(join(root, 'src/cli/bin.ts'));
    visit(join(root, 'src/cli/main.ts'));
    visit(join(root, 'src/cli/run.ts'));
    const rel = [...seen].map((f) => f.slice(root.length + 1)).sort();
    assert.deepEqual(
      rel.filter((f) => !f.startsWith('src/cli/') && f !== 'src/errors/errors.ts' && f !== 'src/version.ts'),
      [],
      'only the CLI tree, the error classes and the version constant',
    );
    assert.deepEqual(
      rel.filter(
        (f) => f.startsWith('src/cli/commands/') || f === 'src/cli/output.ts' || f === 'src/cli/progress.ts',
      ),
      [],
    );
    assert.deepEqual(
      [...packages].filter((p) => !p.startsWith('node:')).sort(),
      ['commander'],
      'commander is the only package loaded up front (node built-ins aside)',
    );
  });
});

describe('progress bars', () => {
  test('drawn on a terminal, silent otherwise', async () => {
    const { bytesBar, waitBar } = await import('../../../src/cli/progress.js');
    const chunks: string[] = [];
    const tty = Object.assign(
      new (await import('node:stream')).Writable({ write: (c, _e, cb) => cb(void chunks.push(String(c))) }),
      {
        isTTY: true,
        columns: 100,
        cursorTo: () => true,
        clearLine: () => true,
        moveCursor: () => true,
      },
    );
    const saved = process.env.OSTACK_NO_PROGRESS;
    delete process.env.OSTACK_NO_PROGRESS;
    try {
      const ctx = new CliContext({ format: 'table' }, process.stdout, tty as never);
      const bar = await bytesBar(ctx, 'upload x', 2 * 1024 * 1024);
      bar.update(1024 * 1024);
      bar.stop();
      const text = chunks.join('');
      assert.match(text, /upload x/);
      assert.match(text, /1\.0 MiB\/2\.0 MiB/);
      const w = await waitBar(ctx, 'server vm');
      w.update(50, { status: 'building BUILD' });
      w.stop();
      assert.match(chunks.join(''), /building BUILD/);
      chunks.length = 0;
      const quiet = new CliContext({ format: 'table' }, process.stdout, { write: () => true } as never);
      const q = await bytesBar(quiet, 'upload y', 10);
      q.update(5);
      q.stop();
      assert.equal(chunks.length, 0);
    } finally {
      if (saved !== undefined) process.env.OSTACK_NO_PROGRESS = saved;
    }
  });
});

describe('transport', () => {
  const KEYS = [
    'OSTACK_TRANSPORT',
    'OS_CLOUD',
    'OS_CLIENT_CONFIG_FILE',
    'OS_AUTH_TYPE',
    'OS_AUTH_URL',
    'OS_TOKEN',
  ];
  async function transportWith(value: string | undefined): Promise<string> {
    const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
    try {
      for (const k of KEYS) delete process.env[k];
      // a cloud from OS_* alone: nothing is sent, the connection is only built
      Object.assign(process.env, {
        OS_CLIENT_CONFIG_FILE: '/nonexistent/clouds.yaml',
        OS_AUTH_TYPE: 'token',
        OS_AUTH_URL: 'http://127.0.0.1:1/v3',
        OS_TOKEN: 'x',
      });
      if (value !== undefined) process.env.OSTACK_TRANSPORT = value;
      const ctx = new CliContext({ format: 'table' });
      try {
        const conn = await ctx.connection();
        return conn.session.http.transport;
      } finally {
        await ctx.close();
      }
    } finally {
      for (const k of KEYS) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      }
    }
  }
  test('ostack sends with node:http unless OSTACK_TRANSPORT says otherwise', async () => {
    assert.equal(await transportWith(undefined), 'node');
    assert.equal(await transportWith(''), 'node');
    assert.equal(await transportWith('undici'), 'undici');
    assert.equal(await transportWith('fetch'), 'fetch');
  });
  test('an unknown OSTACK_TRANSPORT is a ConfigError naming it', async () => {
    await assert.rejects(transportWith('http2'), (e: unknown) => {
      assert.ok(e instanceof ConfigError, `got ${String(e)}`);
      assert.equal(e.field, 'OSTACK_TRANSPORT');
      assert.match(e.message, /node, undici or fetch, got "http2"/);
      return true;
    });
  });
});
