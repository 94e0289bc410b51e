using System.Globalization;

namespace NomosMeters.Client.Http
{
    /// <summary>Formats the one verbose line written per HTTP request.</summary>
    internal static class RequestTrace
    {
        public static string Line(ApiRequest request, int status, long elapsedMs, string? requestId)
        {
            var line = string.Format(
                CultureInfo.InvariantCulture,
                "{0} {1} -> {2} ({3} ms)",
                request.Method.Method,
                request.PathAndQuery,
                status,
                elapsedMs);
            return requestId == null ? line : line + " request id " + requestId;
        }
    }
}
