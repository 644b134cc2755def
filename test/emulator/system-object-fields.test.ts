import { expect } from 'chai';
import { me, ref, SCID, status, useEmulator } from './use-emulator';

const GUID = '4f6ad6a1-0000-4000-8000-000000000001';
type Place = 'constants' | 'properties' | 'member constants' | 'member properties';

/** A create through the template that sets nothing of its own, with one system field placed where it lives. */
function body(place: Place, field: Record<string, unknown>): Record<string, unknown> {
  const system = { active: true };
  if (place === 'member constants') return { members: { me: { constants: { system: field }, properties: { system } } } };
  if (place === 'member properties') return { members: { me: { properties: { system: { ...system, ...field } } } } };
  return { ...me(), [place]: { system: field } };
}

/**
 * The fixed shapes MPSD enforces on system objects (docs/protocol.md 4, 5.2-5.8), field by field: a
 * value of the documented shape is taken, one of another shape is refused with 400. Each pair differs
 * in that one value, so the 400 is that field's.
 */
const FIELDS: [string, Place, Record<string, unknown>, Record<string, unknown>][] = [
  ['version is a count', 'constants', { version: 1 }, { version: 'one' }],
  [
    'peerToPeerRequirements take latency numbers',
    'constants',
    { peerToPeerRequirements: { latencyMaximum: 250, bandwidthMinimum: 10000 } },
    { peerToPeerRequirements: { latencyMaximum: 'low' } },
  ],
  [
    'peerToHostRequirements name a known host selection metric',
    'constants',
    { peerToHostRequirements: { hostSelectionMetric: 'bandwidthup', latencyMaximum: 250 } },
    { peerToHostRequirements: { hostSelectionMetric: 'fastest' } },
  ],
  [
    'peerToHostRequirements bandwidths are numbers',
    'constants',
    { peerToHostRequirements: { bandwidthDownMinimum: 100, bandwidthUpMinimum: 100 } },
    { peerToHostRequirements: { bandwidthUpMinimum: 'x' } },
  ],
  [
    'measurementServerAddresses map to secure device addresses',
    'constants',
    { measurementServerAddresses: { east: { secureDeviceAddress: 'AQID' } } },
    { measurementServerAddresses: { east: { secureDeviceAddress: 5 } } },
  ],
  [
    'broadcastViewerTitleIds are title ids',
    'constants',
    { capabilities: { large: true, broadcast: true }, broadcastViewerTitleIds: ['1234567'] },
    { capabilities: { large: true, broadcast: true }, broadcastViewerTitleIds: ['abc'] },
  ],
  [
    'a title id is one to ten digits, nothing before or after',
    'constants',
    { capabilities: { large: true, broadcast: true }, broadcastViewerTitleIds: ['1234567890'] },
    { capabilities: { large: true, broadcast: true }, broadcastViewerTitleIds: ['12345678901'] },
  ],

  [
    'arbitration timeouts are durations',
    'constants',
    { capabilities: { gameplay: true, arbitration: true }, arbitration: { forfeitTimeout: 1000, arbitrationTimeout: 1000 } },
    { capabilities: { gameplay: true, arbitration: true }, arbitration: { forfeitTimeout: 'x' } },
  ],
  [
    'cloudComputePackage gsiSet is a GUID',
    'constants',
    { capabilities: { cloudCompute: true }, cloudComputePackage: { gsiSet: GUID, variant: GUID, crossSandbox: true } },
    { capabilities: { cloudCompute: true }, cloudComputePackage: { gsiSet: 'not-a-guid' } },
  ],
  [
    'matchmaking clientResult status is a match status',
    'properties',
    { matchmaking: { clientResult: { status: 'searching', typicalWait: 30 } } },
    { matchmaking: { clientResult: { status: 'done' } } },
  ],
  [
    'matchmaking clientResult targetSessionRef is a session reference',
    'properties',
    { matchmaking: { clientResult: { targetSessionRef: { scid: GUID, templateName: 't', name: 'n' } } } },
    { matchmaking: { clientResult: { targetSessionRef: { scid: 'x', templateName: 't', name: 'n' } } } },
  ],
  [
    'matchmaking targetSessionConstants is an object',
    'properties',
    { matchmaking: { targetSessionConstants: {} } },
    { matchmaking: { targetSessionConstants: 'x' } },
  ],
  [
    'a targetSessionRef names scid, template and name, all three',
    'properties',
    { matchmaking: { clientResult: { targetSessionRef: { scid: GUID, templateName: 't', name: 'n' } } } },
    { matchmaking: { clientResult: { targetSessionRef: { scid: GUID, templateName: 't' } } } },
  ],
  [
    'bandwidths go past a million (kilobits), never below zero',
    'member properties',
    { measurements: { peer: { bandwidthDown: 5_000_000 } } },
    { measurements: { peer: { bandwidthDown: -1 } } },
  ],
  ['a member index is a member index', 'member constants', { index: 0 }, { index: 'first' }],
  [
    'matchmakingResult server latencies are numbers',
    'member constants',
    { matchmakingResult: { serverMeasurements: { east: { latency: 20 } } } },
    { matchmakingResult: { serverMeasurements: { east: { latency: 'x' } } } },
  ],
  [
    'measurements are numbers per peer',
    'member properties',
    { measurements: { peer: { latency: 20, bandwidthDown: 100, bandwidthUp: 100, custom: {} } } },
    { measurements: { peer: { bandwidthUp: 'x' } } },
  ],
  [
    'serverMeasurements latencies are numbers',
    'member properties',
    { serverMeasurements: { east: { latency: 20 } } },
    { serverMeasurements: { east: { latency: 'x' } } },
  ],
  ['RolePreference maps to counts', 'member properties', { RolePreference: { role: 1 } }, { RolePreference: { role: 'x' } }],
  ['initializationGroup lists member indices', 'member properties', { initializationGroup: [0] }, { initializationGroup: ['a'] }],
  [
    'subscription change types are known ones',
    'member properties',
    { subscription: { id: GUID, changeTypes: ['tournaments', 'membersCustomProperty'] } },
    { subscription: { id: GUID, changeTypes: ['everythingElse'] } },
  ],
];

describe('emulator: each system field takes its documented shape and refuses another (protocol 4, 5.2-5.8)', () => {
  const e = useEmulator();
  for (const [rule, place, good, bad] of FIELDS) {
    it(`${rule} (${place})`, async () => {
      const taken = await e.client.putSession(ref('fields', 'lingering-lobby'), body(place, good));
      expect(status(taken), `the documented shape: ${taken.response.text}`).to.be.oneOf([200, 201]);
      // Sent as is: the harness's own client would refuse the body before the emulator sees it.
      const path = `/serviceconfigs/${SCID}/sessiontemplates/lingering-lobby/sessions/fields-2`;
      const refused = await e.raw({ method: 'PUT', path, body: JSON.stringify(body(place, bad)) });
      expect(refused.status, `another shape: ${refused.text}`).to.equal(400);
    });
  }
});
