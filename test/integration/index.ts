// Mocha entry for the extension-host tests: the module VS Code loads as `extensionTestsPath`.
// Both runners load it unchanged: scripts/vscode/run-extension-tests.mjs (code-server, works
// offline) and scripts/vscode/run-electron-tests.mjs (@vscode/test-electron, needs internet).
//
// It is bundled by scripts/vscode/build-integration-tests.mjs to out/test/integration/index.js
// with mocha inside (mocha 12 is ESM and relies on require(esm), which an older Electron's Node
// lacks; bundled it is plain CommonJS). Every `*.test.ts` beside this file becomes a
// `*.test.js` beside the bundle; run() loads all of them, in name order.
//
// UI: both of mocha's common interfaces are installed, so a test file may use either
//   tdd: suite / test / suiteSetup / setup / teardown / suiteTeardown   (VS Code's convention)
//   bdd: describe / it / before / beforeEach / afterEach / after
// (mocha.options.ui is 'tdd'; the bdd globals are added by hand below).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    color: false, // output goes through the extension host's console, not a terminal
    timeout: Number(process.env.POSTMORTEM_MOCHA_TIMEOUT ?? 20_000), // a language server starts cold
    reporter: 'spec',
  });
  Mocha.interfaces.bdd(mocha.suite);
  const grep = process.env.POSTMORTEM_MOCHA_GREP;
  if (grep) mocha.grep(grep);

  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const { passes = 0, pending = 0 } = runner.stats ?? {};
        // A plain closing line CI tools recognise ("N passed, N failed").
        console.log(`integration: ${passes} passed, ${failures} failed, ${pending} skipped`);
        if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
        else resolve();
      });
    } catch (e) {
      reject(e); // a test file that throws while loading
    }
  });
}
