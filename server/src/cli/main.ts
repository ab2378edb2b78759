// Entry of the `postmortem` CLI (bundled to dist/cli.js, started by bin/postmortem.js).
import { dispatch } from './commands';

// `postmortem lint | head`: the reader went away; stop quietly instead of dying on EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// exitCode, not exit(): a large report piped to another program must be flushed completely.
void dispatch(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
