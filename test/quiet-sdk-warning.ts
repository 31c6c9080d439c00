// The machine runs Node 20 and the AWS SDK warns once per process that it will need Node 22 from 2027.
// Deployments run Node 22 (serverless.yml); in test output the warning only buries the results.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
