using System.Globalization;

namespace NomosMeters.Client.Http
{
    /// <summary>Formats the one verbose line written per HTTP request: method, path and query, status, time, attempt, request id.</summary>
    internal static class RequestTrace
    {
        public static string Line(ApiRequest request, int status, long elapsedMs, string? requestId, int attempt = 1)
        {
            var line = string.Format(
                CultureInfo.InvariantCulture,
                "{0} {1} -> {2} ({3} ms)",
                request.Method.Method,
                request.PathAndQuery,
                status,
                elapsedMs);
            if (attempt > 1)
            {
                line += string.Format(CultureInfo.InvariantCulture, " attempt {0}", attempt);
            }

            return requestId == null ? line : line + " request id " + requestId;
        }
    }
}
