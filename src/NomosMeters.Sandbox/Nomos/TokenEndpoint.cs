using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace NomosMeters.Sandbox.Nomos
{
    /// <summary>
    /// <c>POST /oauth/token</c>: client authentication by HTTP Basic (the only advertised method), a form body (or the
    /// JSON body the spec declares), grants <c>client_credentials</c> and <c>refresh_token</c>.
    /// </summary>
    internal sealed class TokenEndpoint
    {
        public const string Path = "/oauth/token";

        private const string Scope = "read:* write:*";

        private readonly SandboxOptions _options;
        private readonly TokenStore _tokens;

        public TokenEndpoint(SandboxOptions options, TokenStore tokens)
        {
            _options = options;
            _tokens = tokens;
        }

        public async Task<HttpResponseMessage> HandleAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method != HttpMethod.Post)
            {
                throw NomosProblem.MethodNotAllowed(request.Method.Method, Path, "POST");
            }

            if (!HasClientCredentials(request.Headers.Authorization))
            {
                throw NomosProblem.Unauthorized("Unauthorized: missing or invalid client credentials (HTTP Basic client_id:client_secret)", "Basic realm=\"Nomos\"");
            }

            var fields = await ReadFieldsAsync(request.Content, cancellationToken).ConfigureAwait(false);
            fields.TryGetValue("grant_type", out var grantType);
            IssuedToken token;
            switch (grantType)
            {
                case "client_credentials":
                    token = _tokens.Issue();
                    break;
                case "refresh_token":
                    if (!fields.TryGetValue("refresh_token", out var refreshToken) || refreshToken.Length == 0)
                    {
                        throw NomosProblem.BadField("invalid_type", "refresh_token", "Required for grant_type refresh_token");
                    }

                    token = _tokens.Rotate(refreshToken) ?? throw new NomosProblem(
                        HttpStatusCode.BadRequest,
                        "invalid refresh token",
                        new FieldError("invalid_value", "refresh_token", "The refresh token is unknown or was already used; refresh tokens rotate on every use."));
                    break;
                case null:
                case "":
                    throw NomosProblem.BadField("invalid_type", "grant_type", "Required");
                default:
                    throw NomosProblem.BadField("invalid_value", "grant_type", $"Unsupported grant type '{grantType}'. Expected 'client_credentials' | 'refresh_token'");
            }

            var response = JsonResponse.Create(HttpStatusCode.OK, w =>
            {
                w.WriteStartObject();
                w.WriteString("access_token", token.AccessToken);
                w.WriteString("token_type", "Bearer");
                w.WriteNumber("expires_in", token.ExpiresIn);
                w.WriteString("refresh_token", token.RefreshToken);
                w.WriteString("scope", Scope);
                w.WriteEndObject();
            });

            // RFC 6749 §5.1: token responses must not be cached.
            response.Headers.CacheControl = new CacheControlHeaderValue { NoStore = true };
            response.Headers.Pragma.Add(new NameValueHeaderValue("no-cache"));
            return response;
        }

        private bool HasClientCredentials(AuthenticationHeaderValue? authorization)
        {
            if (authorization == null || !string.Equals(authorization.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || authorization.Parameter == null)
            {
                return false;
            }

            string decoded;
            try
            {
                decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization.Parameter));
            }
            catch (FormatException)
            {
                return false;
            }

            var colon = decoded.IndexOf(':');
            if (colon < 0)
            {
                return false;
            }

            var id = decoded.Substring(0, colon);
            var secret = decoded.Substring(colon + 1);

            // RFC 6749 §2.3.1 form-encodes both parts before Basic encoding; clients that skip that step are accepted too.
            return (id == _options.ClientId && secret == _options.ClientSecret)
                || (FormEncoding.Decode(id) == _options.ClientId && FormEncoding.Decode(secret) == _options.ClientSecret);
        }

        private static async Task<Dictionary<string, string>> ReadFieldsAsync(HttpContent? content, CancellationToken cancellationToken)
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            if (JsonBody.IsJson(content))
            {
                using var document = await JsonBody.ReadObjectAsync(content, cancellationToken).ConfigureAwait(false);
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (property.Value.ValueKind != JsonValueKind.String)
                    {
                        throw NomosProblem.BadField("invalid_type", property.Name, $"Expected string, received {JsonBody.KindName(property.Value.ValueKind)}");
                    }

                    fields[property.Name] = property.Value.GetString()!;
                }

                return fields;
            }

            var text = content == null ? string.Empty : await content.ReadAsStringAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var pair in FormEncoding.Parse(text))
            {
                fields[pair.Key] = pair.Value;
            }

            return fields;
        }
    }
}
