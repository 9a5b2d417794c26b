import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadParticipationMeasures } from '../../analysis/participation-measure-catalog.ts';
import { participationAlertsText } from './participant-commands.ts';

test('participation check prints each measure in words, in French on a French request (held-out probe: ids only)', () => {
  const measures = loadParticipationMeasures(undefined, 'fr')['threat-before-round'];
  const text = participationAlertsText(
    'Testland',
    [
      {
        kind: 'threat-before-round',
        participant: 1,
        process: 'Pourparlers',
        round: 'R1',
        message: 'La personne participante n° 1 assiste au cycle R1.',
        incidents: [{ id: 4, occurredOn: '2025-05-20' }],
        measures,
      },
    ],
    'fr',
  );
  assert.match(
    text,
    /mesures\u00a0?:\n {4}- Menez une évaluation individuelle des risques .* \(risk-assessment\)/,
  );
  assert.doesNotMatch(text, /Run an individual risk assessment/);
});
