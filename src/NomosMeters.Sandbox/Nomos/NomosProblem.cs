using System;
using System.Collections.Generic;
using System.Net;

namespace NomosMeters.Sandbox.Nomos
{
    /// <summary>A request the API refuses: thrown where the problem is found, answered with the error envelope.</summary>
    internal sealed class NomosProblem : Exception
    {
        /// <summary>422, which netstandard2.0's <see cref="HttpStatusCode"/> does not name.</summary>
        public const HttpStatusCode UnprocessableEntity = (HttpStatusCode)422;

        public NomosProblem(HttpStatusCode status, string message, params FieldError[] errors)
            : base(message)
        {
            Status = status;
            Errors = errors;
        }

        public HttpStatusCode Status { get; }

        public IReadOnlyList<FieldError> Errors { get; }

        /// <summary>Gets headers the status calls for, e.g. <c>Allow</c> on 405 and <c>WWW-Authenticate</c> on 401.</summary>
        public List<KeyValuePair<string, string>> Headers { get; } = new List<KeyValuePair<string, string>>();

        /// <summary>A validation or business-rule failure, its message worded like the API's: <c>invalid_type in 'limit': …</c>.</summary>
        public static NomosProblem Invalid(HttpStatusCode status, params FieldError[] errors)
        {
            var first = errors[0];
            var message = first.Field.Length == 0 ? $"{first.Code}: {first.Message}" : $"{first.Code} in '{first.Field}': {first.Message}";
            return new NomosProblem(status, message, errors);
        }

        public static NomosProblem ForField(HttpStatusCode status, string code, string field, string message)
            => Invalid(status, new FieldError(code, field, message));

        public static NomosProblem BadField(string code, string field, string message) => ForField(HttpStatusCode.BadRequest, code, field, message);

        public static NomosProblem Unauthorized(string message, string challenge)
            => new NomosProblem(HttpStatusCode.Unauthorized, message).WithHeader("WWW-Authenticate", challenge);

        public static NomosProblem MethodNotAllowed(string method, string path, string allowed)
            => new NomosProblem(HttpStatusCode.MethodNotAllowed, $"Method {method} is not allowed on {path}").WithHeader("Allow", allowed);

        public static NomosProblem NotFound(string message) => new NomosProblem(HttpStatusCode.NotFound, message);

        private NomosProblem WithHeader(string name, string value)
        {
            Headers.Add(new KeyValuePair<string, string>(name, value));
            return this;
        }
    }
}
