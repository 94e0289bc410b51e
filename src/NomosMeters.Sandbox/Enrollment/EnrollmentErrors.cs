using System.Net;
using System.Net.Http;

namespace NomosMeters.Sandbox.Enrollment
{
    /// <summary>The enrollment API's error body: <c>{title, status, details}</c>.</summary>
    internal static class EnrollmentErrors
    {
        public static HttpResponseMessage Create(HttpStatusCode status, string title, params (string Key, string Value)[] details)
            => JsonResponse.Create(status, w =>
            {
                w.WriteStartObject();
                w.WriteString("title", title);
                w.WriteNumber("status", (int)status);
                w.WriteStartObject("details");
                foreach (var (key, value) in details)
                {
                    w.WriteString(key, value);
                }

                w.WriteEndObject();
                w.WriteEndObject();
            });
    }
}
