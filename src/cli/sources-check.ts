import { formatConfigIssues, loadSourcesFile, SourcesConfigError } from '../config/sources.js';
import { type CliContext, parseVerbArgs, sourceFileVariables } from './cli-support.js';

export async function sourcesCheckCommand(args: string[], ctx: CliContext): Promise<number> {
  const { positionals } = parseVerbArgs(args, {});
  const path = positionals[0] ?? ctx.config.sourcesPath;
  try {
    const file = loadSourcesFile(path, { variables: sourceFileVariables() });
    const enabled = file.sources.filter((source) => source.enabled).length;
    ctx.out(`${path}: ${file.sources.length} source(s), ${enabled} enabled — OK`);
    return 0;
  } catch (error) {
    if (!(error instanceof SourcesConfigError)) throw error;
    ctx.err(formatConfigIssues(error.issues));
    ctx.err(`${path}: ${error.issues.length} error(s)`);
    return 1;
  }
}
