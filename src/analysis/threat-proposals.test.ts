import assert from 'node:assert/strict';
import { test } from 'node:test';
import { likelihoodOf, severityOf } from './threat-proposals.ts';

test('likelihood rises with how often civilians were struck in the last months', () => {
  assert.equal(likelihoodOf(0, 6), 'low');
  assert.equal(likelihoodOf(3, 6), 'medium');
  assert.equal(likelihoodOf(6, 6), 'high');
  assert.equal(likelihoodOf(30, 6), 'very-high');
});

test('severity rises with deaths per event and in total', () => {
  assert.equal(severityOf(0, 5), 'low');
  assert.equal(severityOf(5, 5), 'medium');
  assert.equal(severityOf(20, 5), 'high');
  assert.equal(severityOf(300, 100), 'very-high');
  assert.equal(severityOf(60, 100), 'high');
});

test('sexual violence, abduction, child recruitment and attacks on aid workers or peacekeepers are serious by nature', () => {
  assert.equal(severityOf(0, 5, ['sexual-violence']), 'high');
  assert.equal(severityOf(0, 1, ['attack-on-peacekeepers']), 'high');
  // Deaths can still raise it further.
  assert.equal(severityOf(300, 10, ['abduction']), 'very-high');
});
