/** `ostack completion bash`: a bash completion script generated from the command tree. */
import type { Command } from 'commander';

export function registerCompletion(program: Command): void {
  program
    .command('completion <shell>')
    .description('Print a shell completion script (bash): source <(ostack completion bash)')
    .action(async (shell: string) => {
      const { completionScript } = await import('../completion.js');
      process.stdout.write(completionScript(program, shell));
    });
}
