// The crashed-server restart budget: 5 restarts within 3 minutes, then none until the user asks.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RestartPolicy } from '../../client/src/restart-policy';

const MIN = 60_000;

describe('RestartPolicy', () => {
  it('restarts 5 crashes in 3 minutes and refuses the 6th', () => {
    const p = new RestartPolicy();
    const decisions = [0, 10, 20, 30, 40, 50].map((s) => p.crashed(s * 1000));
    assert.deepEqual(decisions.map((d) => d.restart), [true, true, true, true, true, false]);
    assert.deepEqual(decisions.map((d) => d.crashes), [1, 2, 3, 4, 5, 6]);
  });

  it('forgets crashes older than the window', () => {
    const p = new RestartPolicy(5, 3 * MIN);
    for (let i = 0; i < 5; i++) p.crashed(i * 1000);
    assert.equal(p.crashed(3 * MIN + 5000).restart, true, 'the first crashes are over 3 minutes old');
    // A server that crashes every minute forever keeps being restarted: 3 per window.
    const steady = new RestartPolicy();
    for (let i = 0; i < 100; i++) assert.equal(steady.crashed(i * MIN).restart, true);
  });

  it('starts afresh when the user restarts', () => {
    const p = new RestartPolicy(2, MIN);
    p.crashed(0);
    p.crashed(1);
    assert.equal(p.crashed(2).restart, false);
    p.reset();
    assert.equal(p.crashed(3).restart, true);
  });
});
