import type { Installation } from '../../domain/config/installation-schema';
import { ForbiddenError } from './auth-errors';
import type { Identity } from './identity';

/**
 * Confirming figures is a partner standing behind them in their own name: only the installation's
 * listed editors may, each with their own token. Coordinators are not stand-ins for them, and a
 * trigger's call on someone's behalf (actingFor) is no confirmation at all: this route takes none.
 */
export function requireListedEditor(installation: Installation, identity: Identity): void {
  if (installation.editors.includes(identity.email)) return;
  throw new ForbiddenError(
    `${identity.email} is not a listed editor of "${installation.name}": only ${
      installation.editors.length === 0
        ? 'its editors (none are listed yet)'
        : installation.editors.join(', ')
    } may confirm its figures, each under their own identity`,
  );
}
