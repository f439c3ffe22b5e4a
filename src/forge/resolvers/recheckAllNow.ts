import { enqueueDue, recheckStatus } from '../recheck';
import { defineResolver } from './define';
import { noPayload } from './schemas';

export const getRecheckStatus = defineResolver('getRecheckStatus', 'admin', noPayload, async (_payload, _context, deps) => recheckStatus(deps));

export const recheckAllNow = defineResolver('recheckAllNow', 'admin', noPayload, async (_payload, _context, deps) => {
  await enqueueDue(deps, { all: true });
  return recheckStatus(deps);
});
