import { ConfigurationError } from '../../commons/env';
import type { Container } from '../container';

/** Signed links are off until an operator sets the secret: say so by name rather than sign with nothing. */
export function reportLinkSecret(container: Container): string {
  const secret = container.reportLinks.secret;
  if (secret === undefined) {
    throw new ConfigurationError(
      "REPORT_LINK_SECRET is not set: signed report links (the sheet's download link) cannot be created or checked",
      ['REPORT_LINK_SECRET'],
    );
  }
  return secret;
}
