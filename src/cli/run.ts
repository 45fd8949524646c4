/** What the `ostack` binary runs once the compile cache is on: the program, its exit code and error line. */
import { CommanderError } from 'commander';
import { describeError, EXIT, exitCodeFor } from './exit.js';
import { buildProgram } from './program.js';

async function main(argv: string[]): Promise<number> {
  const program = buildProgram(argv);
  try {
    await program.parseAsync(argv);
    return EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    process.stderr.write(`${describeError(e, argv.includes('--debug'))}\n`);
    return exitCodeFor(e);
  }
}

// undici parses HTTP with llhttp compiled to WebAssembly; V8 compiles it twice, quickly (Liftoff)
// and then optimised (TurboFan) on a background thread: about a third of the CPU of a cached
// `flavor list` over undici (valgrind: 1.53 → 1.19 G instructions without it). A CLI call never
// runs the parser long enough to gain from the second compile. The CLI's own transport
// (node:http) has no WebAssembly, and node:v8 costs ~6 M instructions to load: the flag is set
// only when OSTACK_TRANSPORT picks undici (before the first request, which is what counts).
if (process.env.OSTACK_TRANSPORT === 'undici') {
  void import('node:v8').then((v8) => v8.setFlagsFromString('--liftoff-only'));
}

process.on('SIGINT', () => process.exit(EXIT.interrupted));
main(process.argv).then((code) => {
  process.exitCode = code;
});
