import { createHash, randomBytes } from 'node:crypto';
import type { DateTime } from 'luxon';
import { buildContainer, type Container } from '../../functions/api/container';
import { readExampleProject } from '../../functions/api/example-seed';
import { parseEnv } from '../../functions/commons/env';
import { apiPaths } from '../../functions/contract/contract';
import { SheetsGateway } from '../../functions/sheets/client/sheets-gateway';
import { DEFAULT_RETRY } from '../../functions/sheets/client/sheets-retry';
import { buildAddonForBackend } from '../../scripts/build-addon';
import {
  type AddonSandbox,
  runEnableLiveValidation,
  runSetUp,
  saveSettings,
  startAddonSandbox,
} from '../apps-script';
import { createLocalIdentitySigner, type LocalIdentitySigner } from '../apps-script/local-identity-signer';
import {
  type LocalCertificate,
  makeLocalCertificate,
  startTlsFront,
  type TlsFront,
} from '../apps-script/local-tls';
import { type ServedRouter, serveRouter } from '../serve-router';
import { LOCAL_SERVICE_ACCOUNT_EMAIL, type LocalSheetsApi } from '../sheets-api';
import type { PlaygroundPerson } from './playground-context';

/** The OAuth client id the local identity tokens name (the bundle's `aud`): local, never Google's. */
export const PLAYGROUND_AUDIENCE = 'va-assess-playground.apps.googleusercontent.com';
/** Someone with no access to the spreadsheet: what Google shows a person the file is not shared with. */
export const STRANGER = 'stranger@elsewhere.example.com';
const PLAYGROUND_TITLE = 'iMagine – VA assessment (playground)';

export interface PlaygroundStackOptions {
  dynamoEndpoint: string;
  tableName: string;
  sheetsApi: LocalSheetsApi;
  /** The example project's folder (examples/imagine-py1). */
  exampleDir: string;
  /** The spreadsheet to open (npm start's bound one); default: a new one the coordinator owns. */
  spreadsheetId?: string;
  now?: () => DateTime;
  log?: (line: string) => void;
}

/**
 * The backend as the add-on reaches it in Google: the real router in OIDC mode (tokens signed by a
 * local key standing in for Google's), over TLS with a certificate made for this run, on the same
 * table and local Sheets API as npm start's API; the real bundle built for that address, in the Apps
 * Script double over the local Sheets API's workbook model.
 */
export class PlaygroundStack {
  private box: AddonSandbox | undefined;
  private backendUp = true;
  spreadsheetId = '';
  /** The spreadsheet as it was before the first Set up: what "Reset to the example" goes back to. */
  private pristine: ReturnType<LocalSheetsApi['model']['snapshot']> | undefined;

  private constructor(
    private readonly options: PlaygroundStackOptions,
    readonly container: Container,
    private readonly signer: LocalIdentitySigner,
    private readonly router: ServedRouter,
    private readonly certificate: LocalCertificate,
    private readonly front: TlsFront,
    private readonly dist: { dir: string; remove(): void },
  ) {}

  static async start(options: PlaygroundStackOptions): Promise<PlaygroundStack> {
    const signer = createLocalIdentitySigner(PLAYGROUND_AUDIENCE);
    const coordinators = readExampleProject(options.exampleDir).config.project.coordinators;
    const env = parseEnv({
      TABLE_NAME: options.tableName,
      AWS_REGION: 'local',
      DYNAMODB_ENDPOINT: options.dynamoEndpoint,
      AUTH_MODE: 'oidc',
      OIDC_AUDIENCE: PLAYGROUND_AUDIENCE,
      REPORT_LINK_SECRET: randomBytes(32).toString('hex'),
      // The example's coordinators may create it, as a deployment names its own (npm start does the same).
      PROJECT_CREATORS: [...new Set(coordinators.map((email) => email.slice(email.lastIndexOf('@'))))].join(
        ',',
      ),
    });
    const container = buildContainer(env, {
      signingKeys: async () => signer.publicKeys,
      sheets: () =>
        new SheetsGateway({
          rootUrl: options.sheetsApi.rootUrl,
          retry: { ...DEFAULT_RETRY, budgetMs: 20_000 },
        }),
      ...(options.now === undefined ? {} : { now: options.now }),
      ...(options.log === undefined ? {} : { log: options.log }),
    });
    const router = await serveRouter(() => container);
    const certificate = makeLocalCertificate();
    const front = await startTlsFront(certificate, router.url);
    const dist = buildAddonForBackend(front.url);
    const stack = new PlaygroundStack(options, container, signer, router, certificate, front, dist);
    try {
      await stack.seedExampleIfEmpty();
      await stack.reset();
    } catch (error) {
      await stack.close();
      throw error;
    }
    return stack;
  }

  private example() {
    return readExampleProject(this.options.exampleDir);
  }

  coordinator(): string {
    return this.example().config.project.coordinators[0] ?? 'coordinator@imagine.example.org';
  }

  /** The project's coordinators, then each installation's editors (once each), then a stranger. */
  people(): PlaygroundPerson[] {
    const config = this.example().config;
    const people: PlaygroundPerson[] = config.project.coordinators.map((email) => ({
      email,
      role: 'coordinator',
      label: `${email} (coordinator)`,
    }));
    const editors = new Map<string, string[]>();
    for (const installation of config.installations)
      for (const email of installation.editors)
        editors.set(email, [...(editors.get(email) ?? []), installation.name]);
    for (const [email, names] of editors)
      if (!people.some((person) => person.email === email))
        people.push({
          email,
          role: 'editor',
          label: `${email} (editor of ${names.length === 1 ? names[0] : `${names.length} installations`})`,
        });
    people.push({ email: STRANGER, role: 'stranger', label: `${STRANGER} (not shared with)` });
    return people;
  }

  sandbox(): AddonSandbox {
    if (this.box === undefined) throw new Error('the playground is not set up yet');
    return this.box;
  }

  get backendUrl(): string {
    return this.front.url;
  }

  /**
   * The same OIDC router as `backendUrl` without its TLS front: plain http on loopback, for a person's
   * tools (`va-assess doctor --url`) that do not trust the run's own certificate.
   */
  get oidcBackendUrl(): string {
    return this.router.url;
  }

  /**
   * The person's ID token as ScriptApp.getIdentityToken() hands it to the add-on (same key, same
   * claims). Another audience stands for an add-on whose OAuth client is not the backend's
   * OIDC_AUDIENCE: the backend refuses it, as a deployment with the wrong client id would.
   */
  identityToken(email: string, audience = PLAYGROUND_AUDIENCE): string {
    return this.signer.sign({
      email,
      email_verified: true,
      aud: audience,
      sub: createHash('sha256').update(email).digest('hex').slice(0, 21),
    });
  }

  backendRunning(): boolean {
    return this.backendUp;
  }

  async stopBackend(): Promise<void> {
    await this.front.stop();
    this.backendUp = false;
  }

  async startBackend(): Promise<void> {
    if (!this.backendUp) await this.front.start();
    this.backendUp = true;
  }

  /** The example's configuration and metrics.csv through the API, unless the project is stored. */
  private async seedExampleIfEmpty(): Promise<void> {
    const example = this.example();
    if ((await this.container.configs.load(example.config.project.id)) !== null) return;
    const call = async (method: string, path: string, body: unknown) => {
      const answer = await fetch(`${this.router.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.signer.sign({ email: this.coordinator(), email_verified: true })}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      });
      if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${await answer.text()}`);
    };
    const projectId = example.config.project.id;
    await call('PUT', apiPaths.config(projectId), example.configBody);
    for (const batch of example.entryBatches) await call('POST', apiPaths.entries(projectId), batch);
  }

  /**
   * The starting state: the backend up, the add-on opened fresh on the spreadsheet (a new one unless
   * npm start gave its own), shared with everyone in the project, the coordinator's settings, Set up
   * reporting sheet and Enable live validation run through the bundle's own menu callbacks.
   */
  async reset(): Promise<void> {
    await this.startBackend();
    await this.box?.close();
    this.box = undefined;
    const sheetsApi = this.options.sheetsApi;
    const coordinator = this.coordinator();
    const everyone = this.people()
      .filter((person) => person.role !== 'stranger')
      .map((person) => person.email);
    if (this.pristine === undefined) {
      // One spreadsheet for the playground's life: the backend binds a project to one spreadsheet.
      this.spreadsheetId =
        this.options.spreadsheetId ??
        sheetsApi.createSpreadsheet({
          title: PLAYGROUND_TITLE,
          owner: coordinator,
          sharedWith: [LOCAL_SERVICE_ACCOUNT_EMAIL],
        });
      this.pristine = sheetsApi.model.snapshot(this.spreadsheetId);
    } else sheetsApi.model.restore(this.spreadsheetId, this.pristine);
    for (const email of [LOCAL_SERVICE_ACCOUNT_EMAIL, ...everyone])
      sheetsApi.share(this.spreadsheetId, email);
    const box = await startAddonSandbox({
      model: sheetsApi.model,
      spreadsheetId: this.spreadsheetId,
      distDir: this.dist.dir,
      signer: this.signer,
      audience: PLAYGROUND_AUDIENCE,
      trustedCertificates: [this.certificate.cert],
    });
    this.box = box;
    await box.open(coordinator);
    await saveSettings(box, coordinator, {
      backendUrl: this.front.url,
      projectId: this.example().config.project.id,
    });
    await runSetUp(box, coordinator);
    await runEnableLiveValidation(box, coordinator);
  }

  async close(): Promise<void> {
    await this.box?.close();
    await this.front.stop();
    await this.router.close();
    this.dist.remove();
  }
}
