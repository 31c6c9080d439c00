/**
 * osls plugin: lets the function read exactly the Secrets Manager secrets its environment names
 * (REPORT_LINK_SECRET_ARN, SHEETS_SERVICE_ACCOUNT_KEY_ARN), and nothing when neither is set. The
 * values never enter the template: the function reads them at cold start (functions/commons/secrets.ts).
 * secretsmanager:GetSecretValue is the only action GetSecretValue needs on a secret encrypted with the
 * account's aws/secretsmanager key:
 * https://docs.aws.amazon.com/secretsmanager/latest/userguide/reference_iam-permissions.html
 */
const SECRET_ARN_VARIABLES = ['REPORT_LINK_SECRET_ARN', 'SHEETS_SERVICE_ACCOUNT_KEY_ARN'];

/** The complete ARN (with the random 6-character suffix): an IAM resource must match it exactly. */
const SECRET_ARN =
  /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@-]+-[A-Za-z0-9]{6}$/;

class SecretsReadAccess {
  constructor(serverless) {
    this.hooks = {
      'before:package:setupProviderConfiguration': () => {
        const provider = serverless.service.provider;
        const environment = provider.environment ?? {};
        const arns = SECRET_ARN_VARIABLES.filter((name) => (environment[name] ?? '') !== '').map((name) => {
          const arn = environment[name];
          if (typeof arn !== 'string' || !SECRET_ARN.test(arn)) {
            throw new serverless.classes.Error(
              `${name} must be the complete ARN of a Secrets Manager secret, e.g. arn:aws:secretsmanager:eu-west-1:123456789012:secret:va-assess/report-link-AbCdEf (found "${String(arn)}")`,
            );
          }
          return arn;
        });
        if (arns.length === 0) return;
        provider.iam ??= {};
        provider.iam.role ??= {};
        provider.iam.role.statements ??= [];
        provider.iam.role.statements.push({
          Effect: 'Allow',
          Action: ['secretsmanager:GetSecretValue'],
          Resource: [...new Set(arns)],
        });
      },
    };
  }
}

module.exports = SecretsReadAccess;
