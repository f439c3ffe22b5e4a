import type { DemoRole } from './demo';

export type ConsentBehaviour = { mode: 'page' } | { mode: 'accept'; role: DemoRole } | { mode: 'deny' };

/**
 * How `/authorize` behaves until told otherwise: show the consent page (default), accept straight away
 * as a demo account, or deny.
 */
export class ConsentScript {
  behaviour: ConsentBehaviour = { mode: 'page' };

  autoAccept(role: DemoRole = 'admin'): void {
    this.behaviour = { mode: 'accept', role };
  }

  deny(): void {
    this.behaviour = { mode: 'deny' };
  }

  showPage(): void {
    this.behaviour = { mode: 'page' };
  }
}
