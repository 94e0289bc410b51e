using System.Net;
using System.Net.Http;

namespace NomosMeters.Sandbox.Nomos
{
    /// <summary>Writes the error envelope <c>{code,message,requestId,docs,errors[]}</c> with the code the status stands for.</summary>
    internal static class NomosErrorResponse
    {
        private const string DocsBase = "https://docs.nomos.energy/api-references/errors/";

        public static HttpResponseMessage Create(NomosProblem problem, string requestId)
        {
            var code = CodeFor(problem.Status);
            var response = JsonResponse.Create(problem.Status, w =>
            {
                w.WriteStartObject();
                w.WriteString("code", code);
                w.WriteString("message", problem.Message);
                w.WriteString("requestId", requestId);
                w.WriteString("docs", DocsBase + code);
                if (problem.Errors.Count > 0)
                {
                    w.WriteStartArray("errors");
                    foreach (var error in problem.Errors)
                    {
                        w.WriteStartObject();
                        w.WriteString("code", error.Code);
                        w.WriteString("field", error.Field);
                        w.WriteString("message", error.Message);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                }

                w.WriteEndObject();
            });

            foreach (var header in problem.Headers)
            {
                // Allow is a content header in System.Net.Http; WWW-Authenticate a response header.
                if (!response.Headers.TryAddWithoutValidation(header.Key, header.Value))
                {
                    response.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            return response;
        }

        // The spec's status-to-code table (ErrBadRequest ... ErrInternalServerError).
        public static string CodeFor(HttpStatusCode status) => (int)status switch
        {
            400 => "BAD_REQUEST",
            401 => "UNAUTHORIZED",
            402 => "PAYMENT_REQUIRED",
            403 => "FORBIDDEN",
            404 => "NOT_FOUND",
            405 => "METHOD_NOT_ALLOWED",
            409 => "CONFLICT",
            422 => "UNPROCESSABLE_ENTITY",
            429 => "TOO_MANY_REQUESTS",
            _ => "INTERNAL_SERVER_ERROR",
        };
    }
}
