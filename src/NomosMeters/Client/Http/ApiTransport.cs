using System;
using System.Linq;
using System.Globalization;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Runtime.ExceptionServices;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using NomosMeters.RetryBridge;

namespace NomosMeters.Client.Http
{
    /// <summary>
    /// The one HTTP path of a connection, shared by both APIs: auth headers, the 401 refresh-and-retry-once rule,
    /// per-request timeouts, tracing and turning failures into <see cref="ApiRequestException"/>.
    /// One pooled <see cref="HttpClient"/> per connection.
    /// </summary>
    internal sealed class ApiTransport : IDisposable
    {
        // Error bodies are read for their message only; a proxy's HTML page must not fill memory.
        private const int MaxErrorBodyChars = 64 * 1024;

        private readonly HttpClient _http;
        private readonly RetryPipeline _retry;

        public ApiTransport(HttpMessageHandler handler, TransportOptions options)
        {
            Options = options;
            _http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
            _retry = new RetryPipeline(RetryPolicy.Settings(options));
        }

        public TransportOptions Options { get; }

        /// <summary>Sends the request and deserializes a successful JSON body, read whole first (<see cref="ResponseBody"/>).</summary>
        public Task<T> SendForJsonAsync<T>(ServiceEndpoint endpoint, ApiRequest request, JsonTypeInfo<T> type, CallContext context)
            => SendAsync(endpoint, request, context, (response, ct) => ReadJsonAsync(endpoint, request, response, type, ct));

        /// <summary>
        /// Sends the request (refreshing the token once on a 401) and hands a successful response to
        /// <paramref name="readSuccess"/> inside the same timeout window.
        /// </summary>
        public async Task<T> SendAsync<T>(
            ServiceEndpoint endpoint,
            ApiRequest request,
            CallContext context,
            Func<HttpResponseMessage, CancellationToken, Task<T>> readSuccess)
        {
            var sent = new SentToken();
            try
            {
                return await SendWithRetriesAsync(endpoint, request, sent, context, readSuccess).ConfigureAwait(false);
            }
            catch (ApiRequestException ex) when (ex.StatusCode == 401 && sent.Token != null && !endpoint.Tokens.CanRenew)
            {
                // Nothing to renew: the error says what the user must do instead.
                ex.RefusedFixedCredential = endpoint.Tokens.AuthenticationType;
                throw;
            }
            catch (ApiRequestException ex) when (ex.StatusCode == 401 && sent.Token != null && endpoint.Tokens.CanRenew)
            {
                // The token was rejected before its expiry (revoked, clock skew): renew once and retry once.
                await endpoint.Tokens.RenewAfterRejectionAsync(sent.Token, context).ConfigureAwait(false);
                return await SendWithRetriesAsync(endpoint, request, sent, context, readSuccess).ConfigureAwait(false);
            }
        }

        private async Task<T> SendWithRetriesAsync<T>(
            ServiceEndpoint endpoint,
            ApiRequest request,
            SentToken sent,
            CallContext context,
            Func<HttpResponseMessage, CancellationToken, Task<T>> readSuccess)
        {
            var attempts = 0;
            try
            {
                return await _retry.ExecuteAsync(
                    async _ =>
                    {
                        attempts++;
                        return await SendOnceAsync(endpoint, request, sent, attempts, context, readSuccess).ConfigureAwait(false);
                    },
                    RetryPolicy.ForCall(request, context, Options),
                    context.CancellationToken).ConfigureAwait(false);
            }
            catch (ApiRequestException ex)
            {
                ex.Attempts = attempts;
                throw;
            }
            catch (TokenFailure failure)
            {
                ExceptionDispatchInfo.Capture(failure.Failure).Throw();
                throw;
            }
        }

        // A token request that failed has had its own retries: it leaves the call's retries untouched, as it is.
        private static async Task<string> TokenForAttemptAsync(ServiceEndpoint endpoint, CallContext context)
        {
            try
            {
                return await endpoint.Tokens.GetTokenAsync(context).ConfigureAwait(false);
            }
            catch (ApiRequestException ex)
            {
                throw new TokenFailure(ex);
            }
        }

        public void Dispose() => _http.Dispose();

        private async Task<T> SendOnceAsync<T>(
            ServiceEndpoint endpoint,
            ApiRequest request,
            SentToken sent,
            int attempt,
            CallContext context,
            Func<HttpResponseMessage, CancellationToken, Task<T>> readSuccess)
        {
            // Every attempt, retries included, takes a slot; the timeout starts once the slot is ours.
            await endpoint.RateLimiter.WaitAsync(context.CancellationToken).ConfigureAwait(false);

            // The token is taken for each attempt once its slot has come: a wait for the rate limit, a server's
            // Retry-After or a backoff may outlast the token the call started with.
            string? token = null;
            if (request.Authenticate)
            {
                // Until this attempt's token has come, no token was sent with it: a token request that fails is not
                // the API refusing the token an earlier attempt sent.
                sent.Token = null;
                token = await TokenForAttemptAsync(endpoint, context).ConfigureAwait(false);
                sent.Token = token;
            }

            // On the transport's clock, like the retry waits: a test clock can then time an attempt out without waiting.
            using var deadline = Options.Time.CreateCancellationTokenSource(Options.RequestTimeout);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, deadline.Token);
            var watch = Stopwatch.StartNew();
            using var message = BuildMessage(endpoint, request, token);
            if (context.Log.DebugEnabled)
            {
                context.Log.Debug(await DebugTrace.RequestAsync(message, request).ConfigureAwait(false));
            }

            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsTimeout(ex, context, timeout))
            {
                throw TimeoutError(endpoint, request, ex);
            }
            catch (HttpRequestException ex)
            {
                context.Log.Verbose($"{request.Method} {request.PathAndQuery} failed after {watch.ElapsedMilliseconds} ms: {Innermost(ex).Message}");
                throw new ApiRequestException(
                    endpoint.Name,
                    0,
                    "CONNECTION_FAILED",
                    $"Could not reach {endpoint.BaseUri.GetLeftPart(UriPartial.Authority)}: {Innermost(ex).Message}",
                    method: request.Method.Method,
                    requestPath: request.PathAndQuery,
                    innerException: ex)
                {
                    NotSent = NeverConnected(ex),
                };
            }

            using (response)
            {
                var requestId = HeaderValue(response, "X-Request-Id");
                context.Log.Verbose(RequestTrace.Line(request, (int)response.StatusCode, watch.ElapsedMilliseconds, requestId, attempt));
                ServerPace.Apply(response, endpoint.RateLimiter, Options.Time, context);
                try
                {
                    if (context.Log.DebugEnabled)
                    {
                        context.Log.Debug(await DebugTrace.ResponseAsync(response, request, watch.ElapsedMilliseconds, context.TracePersonalData, timeout.Token).ConfigureAwait(false));
                    }

                    if (response.IsSuccessStatusCode)
                    {
                        return await readSuccess(response, timeout.Token).ConfigureAwait(false);
                    }

                    var body = await ReadBoundedAsync(response, timeout.Token).ConfigureAwait(false);
                    var error = endpoint.ParseError(
                        (int)response.StatusCode,
                        response.Content.Headers.ContentType?.MediaType,
                        request.SensitiveBody ? RedactedBody(body) : body,
                        request.Method.Method,
                        request.PathAndQuery,
                        requestId);
                    error.RetryAfter = RetryPolicy.ServerDelay(response, Options.Time.GetUtcNow());
                    throw error;
                }
                catch (Exception ex) when (IsTimeout(ex, context, timeout))
                {
                    throw TimeoutError(endpoint, request, ex);
                }
                catch (IOException ex)
                {
                    throw new ApiRequestException(
                        endpoint.Name,
                        (int)response.StatusCode,
                        "CONNECTION_FAILED",
                        "The connection broke while the response was being read: " + Innermost(ex).Message,
                        requestId,
                        method: request.Method.Method,
                        requestPath: request.PathAndQuery,
                        innerException: ex);
                }
            }
        }

        private HttpRequestMessage BuildMessage(ServiceEndpoint endpoint, ApiRequest request, string? token)
        {
            var message = new HttpRequestMessage(request.Method, endpoint.Resolve(request.PathAndQuery));
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            message.Headers.TryAddWithoutValidation("User-Agent", Options.UserAgent);
            if (request.Authorization != null)
            {
                message.Headers.Authorization = request.Authorization();
            }
            else if (token != null)
            {
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            endpoint.AddHeaders(message);
            if (request.Content != null)
            {
                message.Content = request.Content();
            }

            return message;
        }

        internal static async Task<T> ReadJsonAsync<T>(
            ServiceEndpoint endpoint,
            ApiRequest request,
            HttpResponseMessage response,
            JsonTypeInfo<T> type,
            CancellationToken cancellationToken)
        {
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (mediaType != null && !mediaType.EndsWith("json", StringComparison.OrdinalIgnoreCase))
            {
                // A proxy or captive portal answering 200 with an HTML page.
                throw InvalidResponse(endpoint, request, response, $"The response is {mediaType}, not JSON");
            }

            try
            {
                using var body = await ResponseBody.ReadAsync(response.Content, cancellationToken).ConfigureAwait(false);
                var value = JsonSerializer.Deserialize(body.Json, type);
                return value ?? throw InvalidResponse(endpoint, request, response, "The response body is JSON null");
            }
            catch (JsonException ex)
            {
                throw InvalidResponse(endpoint, request, response, "The response body is not valid JSON (" + ex.Message + ")", ex);
            }
        }

        internal static ApiRequestException InvalidResponse(
            ServiceEndpoint endpoint,
            ApiRequest request,
            HttpResponseMessage response,
            string problem,
            Exception? inner = null)
            => new ApiRequestException(
                endpoint.Name,
                (int)response.StatusCode,
                "INVALID_RESPONSE",
                problem + ". The request can be repeated; if this persists, the service or a proxy in between is misbehaving",
                HeaderValue(response, "X-Request-Id"),
                method: request.Method.Method,
                requestPath: request.PathAndQuery,
                innerException: inner);

        private static async Task<string> ReadBoundedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var buffer = new char[MaxErrorBodyChars];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = await reader.ReadAsync(buffer, total, buffer.Length - total).ConfigureAwait(false)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                total += read;
            }

            return new string(buffer, 0, total);
        }

        // Token endpoint errors are short JSON envelopes; anything else there is dropped rather than risk echoing a secret.
        private static string RedactedBody(string body) => body.TrimStart().StartsWith("{", StringComparison.Ordinal) ? body : string.Empty;

        private static bool IsTimeout(Exception ex, CallContext context, CancellationTokenSource timeout)
            => ex is OperationCanceledException && timeout.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested;

        private ApiRequestException TimeoutError(ServiceEndpoint endpoint, ApiRequest request, Exception inner)
            => new ApiRequestException(
                endpoint.Name,
                0,
                "TIMEOUT",
                $"No complete response within {Options.RequestTimeout.TotalSeconds:0.###} s",
                method: request.Method.Method,
                requestPath: request.PathAndQuery,
                innerException: inner);

        internal static string? HeaderValue(HttpResponseMessage response, string name)
            => response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

        /// <summary>A header's value as a number (invariant culture), or null when it is missing or not one.</summary>
        internal static double? HeaderNumber(HttpResponseMessage response, string name)
            => response.Headers.TryGetValues(name, out var values) &&
               double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                ? value
                : (double?)null;

        // Refused, unresolvable or unreachable: no connection existed, so no byte of the request left this machine.
        private static bool NeverConnected(HttpRequestException ex)
            => Innermost(ex) is SocketException socket &&
               (socket.SocketErrorCode == SocketError.ConnectionRefused ||
                socket.SocketErrorCode == SocketError.HostNotFound ||
                socket.SocketErrorCode == SocketError.HostUnreachable ||
                socket.SocketErrorCode == SocketError.NetworkUnreachable ||
                socket.SocketErrorCode == SocketError.TryAgain);

        private static Exception Innermost(Exception ex)
        {
            while (ex.InnerException != null)
            {
                ex = ex.InnerException;
            }

            return ex;
        }

        // Carries a failed token request past the call's retry policy, which retries only ApiRequestExceptions.
        private sealed class TokenFailure : Exception
        {
            public TokenFailure(ApiRequestException failure)
                : base(failure.Message, failure)
            {
                Failure = failure;
            }

            public ApiRequestException Failure { get; }
        }

        // The token the last attempt of a call sent, so a 401 renews exactly the one the API rejected.
        private sealed class SentToken
        {
            public string? Token { get; set; }
        }
    }
}
