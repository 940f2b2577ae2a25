// TEST PEER (tests/third_party_stacks.rs): node-soap's server on the hand-written WSDL
// tests/stacks/specs/node_soap/node.wsdl.
//   STACK_WSDL=<path to node.wsdl> node server.js <port>
// Listens on 127.0.0.1 only; `GET /node?wsdl` answers the WSDL, POST /node (document/literal)
// and POST /node/rpc (rpc/literal) are calls.
//
// node-soap binds children by local name whatever their namespace, so every handler also
// checks the raw request (namespace URI and local name of each element, read with sax, which
// node-soap itself depends on) and throws the fault `soap:Client` /
// `PEER-CHECK-FAILED <check>: <detail>` when something is not exactly as the WSDL says.
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const sax = require('sax');
const soap = require('soap');

const NS = 'urn:stacks:node';
const ENV = 'http://schemas.xmlsoap.org/soap/envelope/';
// WS-Security accounts (mirrored in tests/stacks/calls/node_*.rs).
const WSSE_USER = 'node-user';
const WSSE_PASSWORD = 'node p@ss&<word>';
const PASSWORD_TEXT =
  'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText';
const PASSWORD_DIGEST =
  'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest';

/** The request as a tree of { name: '{uri}local', attrs, text, children }. */
function parse(xml) {
  const parser = sax.parser(true, { xmlns: true });
  const root = { name: '#document', attrs: {}, text: '', children: [] };
  const stack = [root];
  parser.onopentag = (tag) => {
    const attrs = {};
    for (const a of Object.values(tag.attributes)) {
      attrs[`{${a.uri}}${a.local}`] = a.value;
    }
    const node = { name: `{${tag.uri}}${tag.local}`, attrs, text: '', children: [] };
    stack[stack.length - 1].children.push(node);
    stack.push(node);
  };
  parser.ontext = (t) => {
    stack[stack.length - 1].text += t;
  };
  parser.oncdata = parser.ontext;
  parser.onclosetag = () => {
    stack.pop();
  };
  parser.write(xml).close();
  return root;
}

function fail(check, detail) {
  const error = new Error(`PEER-CHECK-FAILED ${check}: ${detail}`);
  error.Fault = {
    faultcode: 'soap:Client',
    faultstring: `PEER-CHECK-FAILED ${check}: ${detail}`,
    statusCode: 500,
  };
  throw error;
}

/** The one element at `path` ('{uri}local' steps from the document). */
function one(tree, check, ...path) {
  let node = tree;
  for (const step of path) {
    const found = node.children.filter((c) => c.name === step);
    if (found.length !== 1) {
      fail(check, `${found.length} ${step} under ${node.name}, want 1`);
    }
    node = found[0];
  }
  return node;
}

function expectChildren(node, check, want) {
  const got = node.children.map((c) => c.name);
  if (JSON.stringify(got) !== JSON.stringify(want)) {
    fail(check, `${node.name} children ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
  }
}

function expectText(node, check, want) {
  if (node.text !== want) {
    fail(check, `${node.name} is ${JSON.stringify(node.text)}, want ${JSON.stringify(want)}`);
  }
}

/** The raw XML of the request being handled (set by server.log before the handler runs). */
let lastRequest = '';

function body() {
  return one(parse(lastRequest), 'request.body', `{${ENV}}Envelope`, `{${ENV}}Body`);
}

const services = {
  NodeStack: {
    NodeDoc: {
      Lookup(args) {
        const op = one(body(), 'Lookup.element', `{${NS}}Lookup`);
        expectChildren(op, 'Lookup.children', ['{}key', '{}limit', '{}filter', '{}filter']);
        expectText(op.children[0], 'Lookup.key', 'kéy <&> "x"');
        expectText(op.children[1], 'Lookup.limit', '2');
        expectText(op.children[2], 'Lookup.filter', 'red');
        expectText(op.children[3], 'Lookup.filter', 'blue green');
        if (args.key !== 'kéy <&> "x"' || Number(args.limit) !== 2) {
          fail('Lookup.args', JSON.stringify(args));
        }
        return {
          key: args.key,
          hit: [
            { id: 1, title: 'first: red' },
            { id: 2, title: 'second: blue green' },
          ],
        };
      },
      Traced(args, callback, headers) {
        const envelope = one(parse(lastRequest), 'Traced.envelope', `{${ENV}}Envelope`);
        const trace = one(envelope, 'Traced.header', `{${ENV}}Header`, `{${NS}}Trace`);
        expectChildren(trace, 'Traced.header.children', ['{}traceId']);
        expectText(trace.children[0], 'Traced.traceId', 'trace-42');
        const op = one(envelope, 'Traced.element', `{${ENV}}Body`, `{${NS}}Traced`);
        expectChildren(op, 'Traced.children', ['{}note']);
        return { traceId: headers.Trace.traceId, note: args.note };
      },
      WhoAmI(args, callback, headers, req) {
        const op = one(body(), 'WhoAmI.element', `{${NS}}WhoAmI`);
        expectChildren(op, 'WhoAmI.children', []);
        if (!req.wsse) {
          fail('WhoAmI.wsse', 'no wsse:Security UsernameToken');
        }
        return { user: req.wsse.user, passwordType: req.wsse.type };
      },
    },
    NodeRpc: {
      Add(args) {
        const op = one(body(), 'Add.element', `{${NS}}Add`);
        // rpc/literal: the parts are unqualified, whatever the schema says.
        expectChildren(op, 'Add.children', ['{}a', '{}b']);
        return { sum: Number(args.a) + Number(args.b) };
      },
      Greet() {
        const op = one(body(), 'Greet.element', `{${NS}}Greet`);
        // An element= part is the element itself, qualified as its schema says.
        expectChildren(op, 'Greet.children', [`{${NS}}Person`]);
        const person = op.children[0];
        expectChildren(person, 'Greet.person.children', ['{}first', '{}last']);
        return { greeting: `Hello, ${person.children[0].text} ${person.children[1].text}` };
      },
    },
  },
};

/**
 * WS-Security UsernameToken, text or digest (Base64(SHA-1(nonce + created + password))).
 * Requests without a Security header pass here; WhoAmI then refuses them.
 */
function authenticate(security, callback, req) {
  if (!security) {
    return true;
  }
  const token = security.UsernameToken;
  if (!token) {
    fail('wsse.token', 'Security header without UsernameToken');
  }
  const password = token.Password || {};
  const type = (password.attributes && password.attributes.Type) || PASSWORD_TEXT;
  const value = typeof password === 'string' ? password : password.$value;
  if (token.Username !== WSSE_USER) {
    fail('wsse.username', JSON.stringify(token.Username));
  }
  if (type === PASSWORD_TEXT) {
    if (value !== WSSE_PASSWORD) {
      fail('wsse.password', 'wrong text password');
    }
    req.wsse = { user: token.Username, type: 'text' };
    return true;
  }
  if (type !== PASSWORD_DIGEST) {
    fail('wsse.type', type);
  }
  const nonce = typeof token.Nonce === 'string' ? token.Nonce : token.Nonce && token.Nonce.$value;
  const created = token.Created;
  if (!nonce || !created) {
    fail('wsse.digest', 'digest without Nonce or Created');
  }
  const age = Math.abs(Date.now() - Date.parse(created));
  if (!(age < 5 * 60 * 1000)) {
    fail('wsse.created', `${created} is not within 5 minutes of now`);
  }
  const expected = crypto
    .createHash('sha1')
    .update(Buffer.concat([Buffer.from(nonce, 'base64'), Buffer.from(created + WSSE_PASSWORD, 'utf8')]))
    .digest('base64');
  if (value !== expected) {
    fail('wsse.digest', 'digest does not match');
  }
  req.wsse = { user: token.Username, type: 'digest' };
  return true;
}

function main() {
  const port = Number(process.argv[2]);
  const wsdl = fs.readFileSync(process.env.STACK_WSDL, 'utf8');
  const server = http.createServer((req, res) => {
    res.statusCode = 404;
    res.end();
  });
  server.listen(port, '127.0.0.1', () => {
    const soapServer = soap.listen(server, {
      // Both ports: /node (document/literal) and /node/rpc (rpc/literal).
      path: /^\/node(\/rpc)?\/$/,
      services,
      xml: wsdl,
    });
    soapServer.authenticate = authenticate;
    soapServer.log = (type, data) => {
      if (type === 'received') {
        lastRequest = data;
      }
      if (type === 'received' || type === 'replied' || type === 'error') {
        process.stderr.write(`--- ${type}\n${data}\n`);
      }
    };
    console.log(`listening on 127.0.0.1:${port}`);
  });
}

main();
