/**
 * Imported first by the processes a person starts (`npm start`, the benches, `va-assess`).
 *
 * On Node 20 the AWS SDK warns once per process that its releases after January 2027 will need
 * Node 22. The project supports Node 20.11+ and 22 (Lambda runs 22, see package.json "engines");
 * the person at the terminal can do nothing about the warning, and it buries the banner and the
 * results. The SDK's documented switch turns it off; a value set by the caller (e.g. "false", to
 * see it) is kept. Deployed functions do not import this: Lambda runs Node 22, which never warns.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export {};
