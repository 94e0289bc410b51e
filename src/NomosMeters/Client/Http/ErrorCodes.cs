namespace NomosMeters.Client.Http
{
    /// <summary>The Nomos API's code for each HTTP status, used when a body carries no code of its own.</summary>
    internal static class ErrorCodes
    {
        public static string CodeFor(int status)
        {
            switch (status)
            {
                case 400: return "BAD_REQUEST";
                case 401: return "UNAUTHORIZED";
                case 402: return "PAYMENT_REQUIRED";
                case 403: return "FORBIDDEN";
                case 404: return "NOT_FOUND";
                case 405: return "METHOD_NOT_ALLOWED";
                case 408: return "REQUEST_TIMEOUT";
                case 409: return "CONFLICT";
                case 422: return "UNPROCESSABLE_ENTITY";
                case 429: return "TOO_MANY_REQUESTS";
                case 500: return "INTERNAL_SERVER_ERROR";
                case 502: return "BAD_GATEWAY";
                case 503: return "SERVICE_UNAVAILABLE";
                case 504: return "GATEWAY_TIMEOUT";
                default: return status >= 500 ? "SERVER_ERROR" : "HTTP_" + status;
            }
        }
    }
}
