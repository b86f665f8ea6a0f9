// A real Apollo Client with its persisted-queries link against a running server:
//   node apq.mjs <graphql url> <bearer token>
// Runs the APQ sequence (miss -> register -> hash-only hit over POST, then a hit over GET) and prints one JSON
// line describing every HTTP exchange; exits 1 with a message when the server does not behave as Apollo expects.
import { ApolloClient, InMemoryCache, HttpLink, gql } from "@apollo/client/core/index.js";
import { createPersistedQueryLink } from "@apollo/client/link/persisted-queries/index.js";
import { createHash } from "node:crypto";

const [url, token] = process.argv.slice(2);
if (!url || !token) {
  console.error("usage: node apq.mjs <graphql url> <bearer token>");
  process.exit(2);
}

const exchanges = [];
async function recordingFetch(uri, options) {
  const response = await fetch(uri, options);
  const body = options.body ? JSON.parse(options.body) : null;
  const params = new URL(uri).searchParams;
  exchanges.push({
    method: options.method ?? "GET",
    status: response.status,
    sentQuery: Boolean(body?.query ?? params.get("query")),
    sentHash: Boolean(body?.extensions?.persistedQuery ?? params.get("extensions")),
    cacheControl: response.headers.get("cache-control"),
  });
  return response;
}

function client(useGet) {
  const sha256 = (text) => createHash("sha256").update(text).digest("hex");
  const link = createPersistedQueryLink({ sha256, useGETForHashedQueries: useGet }).concat(
    new HttpLink({ uri: url, fetch: recordingFetch, headers: { authorization: `Bearer ${token}` } }));
  return new ApolloClient({ link, cache: new InMemoryCache() });
}

// Unique per run, so the first request is a miss even against a long-lived database.
const query = gql(`query ApqProbe { me { email } __typename } # ${Date.now()}-${Math.random()}`);

try {
  const first = await client(false).query({ query, fetchPolicy: "network-only" });   // miss, then register
  const second = await client(false).query({ query, fetchPolicy: "network-only" });  // hash-only hit over POST
  const third = await client(true).query({ query, fetchPolicy: "network-only" });    // hash-only hit over GET
  for (const result of [first, second, third]) {
    if (!result.data?.me?.email) throw new Error("no data: " + JSON.stringify(result));
  }
  console.log(JSON.stringify({ email: third.data.me.email, exchanges }));
} catch (error) {
  console.error(`Apollo Client failed: ${error.message}\n${JSON.stringify(exchanges)}`);
  process.exit(1);
}
