namespace LicenseManager.Platform.Gql;

/// <summary>A small, self-contained query page for browsers (no CDN: the machines are offline).</summary>
internal static class GraphQLIde
{
    public const string Html = """
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>License Manager GraphQL</title>
<style>
 body { font-family: system-ui, sans-serif; margin: 0; display: grid; grid-template-rows: auto 1fr; height: 100vh; }
 header { padding: .5rem 1rem; background: #1f2937; color: #fff; display: flex; gap: 1rem; align-items: center; }
 main { display: grid; grid-template-columns: 1fr 1fr; gap: .5rem; padding: .5rem; min-height: 0; }
 textarea, pre { font-family: ui-monospace, monospace; font-size: 13px; width: 100%; box-sizing: border-box; margin: 0; }
 .left { display: grid; grid-template-rows: 3fr 1fr 1fr; gap: .5rem; min-height: 0; }
 pre { overflow: auto; background: #f3f4f6; padding: .5rem; }
 input { width: 28rem; }
</style>
</head>
<body>
<header><strong>License Manager GraphQL</strong>
 <button id="run">Run (Ctrl+Enter)</button>
 <label>Bearer token <input id="token" placeholder="optional access token"></label>
 <a style="color:#93c5fd" href="graphql/schema.graphql">schema.graphql</a>
</header>
<main>
 <div class="left">
  <textarea id="query">{ __typename }</textarea>
  <textarea id="variables" placeholder="variables (JSON)"></textarea>
  <textarea id="headers" placeholder="extra headers (JSON)"></textarea>
 </div>
 <pre id="result"></pre>
</main>
<script>
const el = id => document.getElementById(id);
async function run() {
  const headers = { "Content-Type": "application/json", "Accept": "application/graphql-response+json" };
  if (el("token").value) headers["Authorization"] = "Bearer " + el("token").value;
  try { Object.assign(headers, JSON.parse(el("headers").value || "{}")); } catch (e) { el("result").textContent = "headers: " + e; return; }
  let variables;
  try { variables = JSON.parse(el("variables").value || "null"); } catch (e) { el("result").textContent = "variables: " + e; return; }
  const response = await fetch(location.pathname, { method: "POST", headers, body: JSON.stringify({ query: el("query").value, variables }) });
  el("result").textContent = response.status + "\n" + JSON.stringify(await response.json(), null, 2);
}
el("run").onclick = run;
document.addEventListener("keydown", e => { if (e.ctrlKey && e.key === "Enter") run(); });
</script>
</body>
</html>
""";
}
