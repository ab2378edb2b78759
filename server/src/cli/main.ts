// Entry of the `postmortem` CLI (bundled to dist/cli.js, started by bin/postmortem.js).
import { dispatch } from './commands';

// exitCode, not exit(): a large report piped to another program must be flushed completely.
void dispatch(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
