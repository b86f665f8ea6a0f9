using System.Net;
using System.Text.Json.Nodes;

namespace LicenseManager.IntegrationTests.Identity;

/// <summary>Talks to <c>/connect/token</c> like a real client (form posts).</summary>
public sealed class TokenClient(HttpClient http)
{
    public const string CliClientId = "license-manager-cli";

    public async Task<TokenResponse> RequestAsync(Dictionary<string, string> form)
    {
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(form));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        return new TokenResponse(response.StatusCode, body);
    }

    public async Task<TokenResponse> PasswordAsync(string email, string password, string scope = "api offline_access")
    {
        var response = await TryPasswordAsync(email, password, scope);
        response.Status.ShouldBe(HttpStatusCode.OK, response.Body.ToJsonString());
        return response;
    }

    public Task<TokenResponse> TryPasswordAsync(string email, string password, string scope = "api offline_access") =>
        RequestAsync(new()
        {
            ["grant_type"] = "password", ["client_id"] = CliClientId, ["username"] = email, ["password"] = password, ["scope"] = scope,
        });

    public Task<TokenResponse> ClientCredentialsAsync(string clientId, string secret, string? scope = null)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        return RequestAsync(form);
    }

    public Task<TokenResponse> RefreshAsync(string refreshToken, string clientId = CliClientId) =>
        RequestAsync(new() { ["grant_type"] = "refresh_token", ["client_id"] = clientId, ["refresh_token"] = refreshToken });
}

public sealed record TokenResponse(HttpStatusCode Status, JsonObject Body)
{
    public string AccessToken => Body["access_token"]!.GetValue<string>();

    public string? RefreshToken => Body["refresh_token"]?.GetValue<string>();

    public string? Error => Body["error"]?.GetValue<string>();
}
