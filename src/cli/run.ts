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

process.on('SIGINT', () => process.exit(EXIT.interrupted));
main(process.argv).then((code) => {
  process.exitCode = code;
});
