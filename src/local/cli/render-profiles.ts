/** Text for `scope-doctor profiles show`: capabilities → operations → the scope sets that allow each. */
import type { ProfileDescription } from '../../core/profiles';

export function renderProfile(description: ProfileDescription): string[] {
  const lines = [`${description.name}  (${description.id} · ${description.tokenKind} · ${description.vendor})`];
  if (description.summary) lines.push(`  ${description.summary}`);
  for (const capability of description.capabilities) {
    const sure = capability.certainty === 'likely' ? `likely${capability.ask ? `: ask ${description.vendor} whether it ${capability.ask}` : ''}` : 'required';
    lines.push('', `  ${capability.name}  [${sure}]`);
    for (const operation of capability.operations) {
      lines.push(`    ${operation.method} ${operation.path}${operation.operationId ? `  (${operation.operationId})` : ''}`);
      if (operation.scopeSets.length === 0) lines.push('      no scope allows it (apps only)');
      operation.scopeSets.forEach((set, i) => lines.push(`      ${i > 0 ? 'or ' : ''}${set.kind}: ${set.scopes.join(' + ')}`));
    }
    for (const scope of capability.scopes) lines.push(`    scope ${scope}`);
  }
  lines.push('', `  The guide's scopes (${description.vendorScopes.length}): ${description.vendorScopes.join(' ') || 'none'}`);
  if (description.tokenScopes) lines.push(`  Its API token's scopes (${description.tokenScopes.length}): ${description.tokenScopes.join(' ')}`);
  lines.push(`  offline_access: ${description.needsOfflineAccess ? 'needed (refresh tokens)' : 'not needed'}`);
  if (description.callbackUrls.length) lines.push(`  Callback URL${description.callbackUrls.length === 1 ? '' : 's'}: ${description.callbackUrls.join(', ')}`);
  return lines;
}
