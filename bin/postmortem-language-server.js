#!/usr/bin/env node
// The Postmortem language server for any LSP client: `postmortem-language-server --stdio`.
require('../dist/server.js');
