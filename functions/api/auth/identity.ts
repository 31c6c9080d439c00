/** Who is calling, once authenticated: the e-mail the project configuration lists. */
export interface Identity {
  /** Lower case, as the config schema stores editors and coordinators. */
  email: string;
  /** How it was established: a verified Google ID token, or the local dev header. */
  via: 'oidc' | 'dev';
}
