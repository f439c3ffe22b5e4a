import { describe, expect, it } from 'vitest';
import { highestPermission, permissionRank, PERMISSION_LABELS } from './data-center';
import { DATA_CENTER_SCOPES } from './known';

describe('Data Center permissions', () => {
  it('rank from READ up to SYSTEM_ADMIN', () => {
    expect(DATA_CENTER_SCOPES.map(permissionRank)).toEqual([0, 1, 2, 3]);
  });
  it('take the highest one named, whatever the order', () => {
    expect(highestPermission(['ADMIN', 'READ', 'WRITE'])).toBe('ADMIN');
    expect(highestPermission([])).toBeUndefined();
  });
  it('have the drop-down words', () => {
    expect(PERMISSION_LABELS.SYSTEM_ADMIN).toBe('System admin');
  });
});
