import assert from 'node:assert/strict';
import { test } from 'node:test';
import { missionSubject, subjectActivity } from './friction.ts';

test('a plan friction subject names its mission only where two plans name the activity, and reads back', () => {
  assert.equal(missionSubject('A2', 'MINUSMA'), 'A2 (MINUSMA)');
  assert.equal(subjectActivity('A2 (MINUSMA)', 'MINUSMA'), 'A2');
  assert.equal(subjectActivity('A2', 'MINUSMA'), 'A2');
  // Another mission's qualified subject is not this mission's activity.
  assert.equal(subjectActivity('A2 (Second mission)', 'MINUSMA'), 'A2 (Second mission)');
  assert.equal(subjectActivity('A2 (Mission (fictional))', 'Mission (fictional)'), 'A2');
});
