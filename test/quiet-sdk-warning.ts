// The machine runs Node 20 and the AWS SDK warns once per process that it will need Node 22 from 2027:
// tests run with the same switch as `npm start` (deployments run Node 22, see serverless.yml).
import '../functions/commons/quiet-aws-sdk-node-warning';
