import Lozenge from '@atlaskit/lozenge';
import type { Status } from '../../../src/core/model';

const APPEARANCE = { pass: 'success', info: 'inprogress', fail: 'removed', warn: 'moved', unknown: 'default' } as const;
const LABEL: Record<Status, string> = { pass: 'Pass', info: 'Info', fail: 'Fail', warn: 'Warning', unknown: 'Unknown' };

export function VerdictLozenge({ status, testId }: { status: Status; testId?: string }) {
  return (
    <Lozenge appearance={APPEARANCE[status]} testId={testId}>
      {LABEL[status]}
    </Lozenge>
  );
}
