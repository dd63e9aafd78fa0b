// A real tus 1.0 server (@tus/server + @tus/file-store) behind TLS, for tests/test_transfer_tus.py.
//
//   node tus_server.mjs --dir UPLOADS --cert CERT.pem --key KEY.pem [--max-size BYTES]
//                       [--user NAME --password SECRET] [--forbidden-user NAME]
//
// Listens on 127.0.0.1 on a free port and prints one line "LISTENING <port>" when ready.
// Uploads are served at /files/; GET on a finished upload returns its bytes (tus server feature),
// which is how the client verifies what the server holds. With --user/--password, requests need
// HTTP Basic credentials (401 otherwise); --forbidden-user is known but gets 403.
import https from 'node:https';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { Server } from '@tus/server';
import { FileStore } from '@tus/file-store';

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    cert: { type: 'string' },
    key: { type: 'string' },
    'max-size': { type: 'string' },
    user: { type: 'string' },
    password: { type: 'string' },
    'forbidden-user': { type: 'string' },
  },
});

function refuse(status, body) {
  const error = new Error(body);
  error.status_code = status;
  error.body = body;
  return error;
}

function check(req) {
  if (!values.user) return;
  const header = req.headers.get('authorization') || '';
  const decoded = header.startsWith('Basic ')
    ? Buffer.from(header.slice(6), 'base64').toString('utf8')
    : '';
  const separator = decoded.indexOf(':');
  const user = separator >= 0 ? decoded.slice(0, separator) : '';
  const password = separator >= 0 ? decoded.slice(separator + 1) : '';
  if (values['forbidden-user'] && user === values['forbidden-user']) {
    throw refuse(403, 'forbidden\n');
  }
  if (user !== values.user || password !== values.password) {
    throw refuse(401, 'unauthorized\n');
  }
}

const tus = new Server({
  path: '/files',
  datastore: new FileStore({ directory: values.dir }),
  maxSize: values['max-size'] ? Number(values['max-size']) : undefined,
  // behind TLS terminated by node itself: say https in the Location header
  generateUrl(req, { host, path, id }) {
    return `https://${host}${path}/${id}`;
  },
  async onIncomingRequest(req) {
    check(req);
  },
  async onUploadCreate(req, upload) {
    check(req);
    return {};
  },
});

const server = https.createServer(
  { cert: fs.readFileSync(values.cert), key: fs.readFileSync(values.key) },
  (req, res) => tus.handle(req, res),
);
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`LISTENING ${server.address().port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
