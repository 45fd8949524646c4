/**
 * The `ostack` command tree. Global options mirror openstackclient's (`--os-cloud`,
 * `--os-region-name`, `-f`, `-c`); credentials come from clouds.yaml / OS_* exactly as in the SDK.
 * Each command group is declared in `spec/<group>.ts`; its implementation in
 * `commands/<group>.ts` is imported only when one of its commands runs.
 */
import { Command, Option } from 'commander';
import { VERSION } from '../version.js';
import { type Lazy, lazy } from './lazy.js';
import { OUTPUT_FORMATS } from './output-formats.js';
import { registerAcl } from './spec/acl.js';
import { registerApi } from './spec/api.js';
import { registerBaremetal } from './spec/baremetal.js';
import { registerCatalog } from './spec/catalog.js';
import { registerCompletion } from './spec/completion.js';
import { registerConsole } from './spec/console.js';
import { registerContainer } from './spec/container.js';
import { registerFlavor } from './spec/flavor.js';
import { registerFloatingIp } from './spec/floating-ip.js';
import { registerImage } from './spec/image.js';
import { registerKeypair } from './spec/keypair.js';
import { registerLoadBalancer } from './spec/loadbalancer.js';
import { registerNetwork } from './spec/network.js';
import { registerObject } from './spec/object.js';
import { registerPort } from './spec/port.js';
import { registerProject } from './spec/project.js';
import { registerPtr } from './spec/ptr.js';
import { registerRecordset } from './spec/recordset.js';
import { registerRouter } from './spec/router.js';
import { registerSecret } from './spec/secret.js';
import { registerSecurityGroup } from './spec/security-group.js';
import { registerServer } from './spec/server.js';
import { registerShare } from './spec/share.js';
import { registerOrchestration, registerStack } from './spec/stack.js';
import { registerSubnet } from './spec/subnet.js';
import { registerToken } from './spec/token.js';
import { registerTsigkey } from './spec/tsigkey.js';
import { registerUser } from './spec/user.js';
import { registerVolume } from './spec/volume.js';
import { registerZone } from './spec/zone.js';

type Register = (program: Command, lazy: Lazy) => void;

/** The command groups by their first word, in the order `--help` lists them. */
const GROUPS: ReadonlyArray<readonly [word: string, register: Register]> = [
  ['server', registerServer],
  ['flavor', registerFlavor],
  ['keypair', registerKeypair],
  ['console', registerConsole],
  ['image', registerImage],
  ['network', registerNetwork],
  ['subnet', registerSubnet],
  ['port', registerPort],
  ['router', registerRouter],
  ['floating', registerFloatingIp],
  ['security', registerSecurityGroup],
  ['volume', registerVolume],
  ['container', registerContainer],
  ['object', registerObject],
  ['token', registerToken],
  ['catalog', registerCatalog],
  ['project', registerProject],
  ['user', registerUser],
  ['api', registerApi],
  ['completion', (program) => registerCompletion(program)],
  ['stack', registerStack],
  ['orchestration', registerOrchestration],
  ['secret', registerSecret],
  ['acl', registerAcl],
  ['zone', registerZone],
  ['recordset', registerRecordset],
  ['tsigkey', registerTsigkey],
  ['ptr', registerPtr],
  ['loadbalancer', registerLoadBalancer],
  ['share', registerShare],
  ['baremetal', registerBaremetal],
];

/**
 * The first word of `args` (the arguments after `node ostack`) that is not an option or the value
 * of one of `program`'s options: the command group asked for.
 */
export function commandWord(program: Command, args: readonly string[]): string | undefined {
  const valued = new Set(program.options.filter((o) => o.required).flatMap((o) => [o.long, o.short]));
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') return args[i + 1];
    if (!a.startsWith('-') || a === '-') return a;
    if (valued.has(a)) i++;
  }
  return undefined;
}

/**
 * The command tree. With `argv` (`process.argv`) naming a command group, only that group is built:
 * building every group's commands and options is a share of each run's start-up, and a command
 * needs only its own. Without one (no command, `--help`, `help`, a misspelt group whose
 * suggestions need every name) and for `completion` (its script covers the whole tree), all of them.
 */
export function buildProgram(argv?: readonly string[]): Command {
  const program = new Command('ostack')
    .description('OpenStack command-line client built on openstack-sdk')
    .option('--os-cloud <name>', 'cloud name in clouds.yaml (default: OS_CLOUD)', process.env.OS_CLOUD)
    .option('--os-region-name <region>', 'region (default: from the cloud config)')
    .option('--os-interface <interface>', 'endpoint interface: public, internal or admin')
    .option('--os-compute-api-version <version>', 'compute microversion to pin')
    .option('--os-volume-api-version <version>', 'block storage microversion to pin')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices([...OUTPUT_FORMATS]).default('table'),
    )
    .option('-c, --column <name>', 'column to show (repeat for more)', (v: string, prev: string[] = []) => [
      ...prev,
      v,
    ])
    .option('--timeout <seconds>', 'per-request timeout in seconds')
    .option(
      '--token-cache',
      'keep the token between runs in ~/.cache/openstack-sdk/auth (default: cache.auth of clouds.yaml)',
    )
    .option('--no-token-cache', 'do not read or write the token cache, whatever clouds.yaml says')
    .option('--debug', 'log HTTP requests (secrets redacted) and stack traces to stderr')
    .version(VERSION, '--version', 'print the version and exit')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  // settings above are inherited by every command added below
  const word = argv ? commandWord(program, argv.slice(2)) : undefined;
  const only = word === 'completion' ? undefined : GROUPS.find(([w]) => w === word);
  for (const [, register] of only ? [only] : GROUPS) register(program, lazy);
  return program;
}
