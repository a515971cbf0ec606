import { describe, expect, it } from 'vitest';
import { declaredErroneous, isErrorDeclaration } from './error-declaration.js';

describe('declaredErroneous', () => {
  const shipment = {
    type: 'ObjectEvent',
    eventTime: '2024-01-02T08:00:00+08:00',
    bizStep: 'shipping',
    epcList: ['urn:epc:id:sgtin:0614141.107346.2017'],
  };
  const declaration = (event: object) => ({
    ...event,
    errorDeclaration: { declarationTime: '2024-01-03T00:00:00Z', reason: 'incorrect_data' },
  });

  it('names the declaration and the events with its eventID, wherever they are', () => {
    const wrong = { ...shipment, eventID: 'urn:uuid:w' };
    const other = { ...shipment, eventID: 'urn:uuid:o' };
    expect([...declaredErroneous([wrong, other, declaration(wrong), wrong])].sort()).toEqual([
      0, 2, 3,
    ]);
  });
  it('matches a declaration without eventID on the content, not on what differs', () => {
    const later = { ...shipment, eventTime: '2024-01-02T09:00:00+08:00' };
    expect([...declaredErroneous([shipment, later, declaration(shipment)])].sort()).toEqual([0, 2]);
  });
  it('ignores errorDeclaration members that are not objects, and entries that are not events', () => {
    const notObjects = [null, 'x', [1], 2].map((errorDeclaration) => ({
      ...shipment,
      errorDeclaration,
    }));
    for (const e of notObjects) expect(isErrorDeclaration(e)).toBe(false);
    expect(declaredErroneous([...notObjects, null, 7, shipment]).size).toBe(0);
    expect([...declaredErroneous([null, declaration(shipment), 'x', shipment])].sort()).toEqual([
      1, 3,
    ]);
  });
});
