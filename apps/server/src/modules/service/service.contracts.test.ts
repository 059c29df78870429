import { describe, expect, it } from 'vitest';
import {
  SATISFACTION_IDS,
  satisfactionName,
  SERVICE_ACTION_IDS,
  SERVICE_KIND_IDS,
  SERVICE_LEVEL_IDS,
  SERVICE_STATE_IDS,
  serviceKindName,
  serviceStateName,
} from '@jiceng/contracts';
import {
  SATISFACTION_LEVELS,
  satisfactionLabel,
  SERVICE_LEVELS,
  SERVICE_REQUEST_KINDS,
  SERVICE_REQUEST_WORKFLOW,
  serviceRequestKindLabel,
} from '@jiceng/rules';

describe('the service contracts repeat the rules (service-request-workflow-2026) exactly', () => {
  it('states, kinds, levels and ratings with the same codes and Chinese names', () => {
    expect([...SERVICE_STATE_IDS]).toEqual([...SERVICE_REQUEST_WORKFLOW.states]);
    expect(serviceStateName).toEqual(SERVICE_REQUEST_WORKFLOW.stateLabel);
    expect([...SERVICE_KIND_IDS]).toEqual([...SERVICE_REQUEST_KINDS]);
    expect(serviceKindName).toEqual(serviceRequestKindLabel);
    expect([...SERVICE_LEVEL_IDS]).toEqual([...SERVICE_LEVELS]);
    expect([...SATISFACTION_IDS]).toEqual([...SATISFACTION_LEVELS]);
    expect(satisfactionName).toEqual(satisfactionLabel);
  });

  it('offers through the API every workflow action but the system’s own and the ones a rating becomes', () => {
    const all = new Set(SERVICE_REQUEST_WORKFLOW.transitions.map((t) => t.action));
    expect(new Set([...SERVICE_ACTION_IDS, 'auto_close', 'reopen'])).toEqual(all);
  });
});
