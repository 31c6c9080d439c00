import { routePatterns } from '../../contract/api-paths';
import { type ContactsResponse, sheetBindRequestSchema } from '../../contract/contract';
import {
  challengeSpreadsheetEditor,
  provesSpreadsheetEditor,
} from '../../use-cases/prove-spreadsheet-editor';
import { isMember, requireMember } from '../auth/authorize';
import { parseRequest } from '../parse-request';
import { readJsonBody } from '../request-body';
import { ok, type ProtectedRoute } from '../route';
import { loadProject } from './load-project';

/**
 * Someone the configuration does not list asks for a one-time value to write into the spreadsheet they
 * opened. Only for the project's bound spreadsheet; anything else gets the outsider's refusal.
 */
export const postContactsChallengeRoute: ProtectedRoute = {
  method: 'POST',
  pattern: routePatterns.contactsChallenge,
  handle: async ({ request, params, container, identity }) => {
    const config = await loadProject(container, params.projectId ?? '');
    const { spreadsheetId } = parseRequest(sheetBindRequestSchema, readJsonBody(request), 'body');
    const claim = { projectId: config.project.id, spreadsheetId, email: identity.email };
    const issued = await challengeSpreadsheetEditor(container, claim);
    if (issued === undefined) requireMember(config, identity);
    return ok(issued ?? {});
  },
};

/**
 * The coordinators' addresses: to members, and to an editor of the bound spreadsheet who proved it
 * (contacts-contract.ts). Everyone else gets the outsider's refusal and learns nothing.
 */
export const postContactsRoute: ProtectedRoute = {
  method: 'POST',
  pattern: routePatterns.contacts,
  handle: async ({ request, params, container, identity }) => {
    const config = await loadProject(container, params.projectId ?? '');
    const { spreadsheetId } = parseRequest(sheetBindRequestSchema, readJsonBody(request), 'body');
    if (!isMember(config, identity)) {
      const claim = { projectId: config.project.id, spreadsheetId, email: identity.email };
      if (!(await provesSpreadsheetEditor(container, claim))) requireMember(config, identity);
    }
    const body: ContactsResponse = {
      projectId: config.project.id,
      coordinators: config.project.coordinators,
    };
    return ok(body);
  },
};
