import { describe, expect, it } from 'vitest';
import { orderOfHash, phoneLinkOf } from './ordersApi.ts';

const ID = '0b6f3c2e-6a53-4c8e-9a43-2f1d8f0c9e11';

describe('links into 我的工单 on the phone page', () => {
  it('opens a request’s admin link (a 群众诉求 to-do or notice) as that order in 我的工单', () => {
    expect(phoneLinkOf(`/service/requests?open=${ID}`)).toBe(`/h5.html#/orders?open=${ID}`);
    expect(orderOfHash(`#/orders?open=${ID}`)).toBe(ID);
  });
  it('leaves every other link as it is, and a bare 我的工单 hash opens no order', () => {
    expect(phoneLinkOf('/h5.html#/meetings')).toBe('/h5.html#/meetings');
    expect(phoneLinkOf('/service/requests')).toBe('/service/requests');
    expect(orderOfHash('#/orders')).toBeNull();
    expect(orderOfHash('#/meetings?open=x')).toBeNull();
  });
});
