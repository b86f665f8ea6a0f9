// Verifies an entitlement assertion from `contentAccess` offline, with nothing but the public keys the server
// publishes (OpenID discovery -> JWKS). Node 18+, no packages:
//   node docs/examples/verify-entitlement.mjs https://licenses.example.com <assertion>
// Prints the verified claims and exits 0, or prints why the assertion is refused and exits 1.
// A partner fetches the JWKS once and caches it (refetching when it meets an unknown kid); nothing else
// needs the network: no shared secret, no call back to the server per check.
import { createPublicKey, verify } from "node:crypto";

const [baseUrl, assertion, expectedContentKey] = process.argv.slice(2);
if (!baseUrl || !assertion) {
  console.error("usage: node verify-entitlement.mjs <server base url> <assertion> [expected content key]");
  process.exit(2);
}

const TYPE = "entitlement+jwt";
const AUDIENCE = "license-manager-entitlements";

function refuse(reason) {
  console.error(`refused: ${reason}`);
  process.exit(1);
}

const decode = (part) => JSON.parse(Buffer.from(part, "base64url").toString("utf8"));

const discovery = await (await fetch(new URL("/.well-known/openid-configuration", baseUrl))).json();
const jwks = await (await fetch(discovery.jwks_uri)).json();

const parts = assertion.split(".");
if (parts.length !== 3) refuse("not a compact JWS");
const [headerPart, payloadPart, signaturePart] = parts;
const header = decode(headerPart);
if (header.alg !== "RS256") refuse(`unexpected alg ${header.alg}`);      // never trust "none" or HMAC here
if (header.typ !== TYPE) refuse(`unexpected typ ${header.typ}`);          // an access token is not an assertion

const jwk = jwks.keys.find((key) => key.kid === header.kid && (key.use ?? "sig") === "sig");
if (!jwk) refuse(`no published key with kid ${header.kid}`);
const publicKey = createPublicKey({ key: { kty: jwk.kty, n: jwk.n, e: jwk.e }, format: "jwk" });
const signed = verify("RSA-SHA256", Buffer.from(`${headerPart}.${payloadPart}`), publicKey, Buffer.from(signaturePart, "base64url"));
if (!signed) refuse("bad signature");

const claims = decode(payloadPart);
const now = Math.floor(Date.now() / 1000);
if (claims.iss !== discovery.issuer) refuse(`issuer ${claims.iss} is not ${discovery.issuer}`);
if (claims.aud !== AUDIENCE) refuse(`audience ${claims.aud}`);
if (typeof claims.exp !== "number" || now >= claims.exp) refuse("expired");
if (typeof claims.nbf === "number" && now < claims.nbf) refuse("not valid yet");
if (expectedContentKey && claims.content_key !== expectedContentKey) refuse(`granted ${claims.content_key}, not ${expectedContentKey}`);

console.log(JSON.stringify({
  learner: claims.sub ?? null,
  email: claims.email ?? null,
  enterprise: claims.enterprise,
  contentKey: claims.content_key,
  license: claims.license,
  expiresAt: new Date(claims.exp * 1000).toISOString(),
}));
