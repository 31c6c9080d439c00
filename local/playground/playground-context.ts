import type { AddonSandbox } from '../apps-script';

/** Someone the page can act as: the local stand-in for signing in to Google. */
export interface PlaygroundPerson {
  email: string;
  /** "coordinator", "editor of IFCA-CSIC CPU, …" or "stranger": what the page shows beside the name. */
  role: 'coordinator' | 'editor' | 'stranger';
  label: string;
}

/**
 * What the playground server hands every part of the page's API (the grid's, and the add-on UI's
 * under /playground/addon/): the running add-on, who is acting, and how to make the page repaint.
 */
export interface PlaygroundContext {
  /** The bundled add-on in the Apps Script double, bound to the playground's spreadsheet. */
  sandbox(): AddonSandbox;
  /** The e-mail of the person the page acts as (a stranger's too): every execution runs as them. */
  actingAs(): string;
  /** The coordinators and editors of the example project, then the stranger. */
  people(): PlaygroundPerson[];
  /** The workbook (or what the page shows of the add-on) changed: open pages repaint. */
  changed(): void;
  backend: {
    /** Whether the backend (the TLS front the add-on calls) answers. */
    running(): boolean;
  };
}
