using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace NomosMeters.Client.Http
{
    /// <summary>
    /// A path (and query) a user typed, checked to stay under one service's base URI before any request is made,
    /// so that the service's token is never sent anywhere else: absolute URLs, other hosts and dot segments that
    /// climb out of the base (<c>..</c>, also encoded as <c>%2e%2e</c> or twice-encoded) are refused. Characters
    /// a URI cannot carry are percent-encoded; what is encoded already stays as it is.
    /// </summary>
    internal sealed class RelativePath
    {
        // RFC 3986: a scheme, then ':'. "https:", but also "javascript:" or "file:".
        private static readonly Regex Scheme = new Regex("^[A-Za-z][A-Za-z0-9+.\\-]*:", RegexOptions.CultureInvariant);

        // Unreserved, sub-delims, ':' and '@' (pchar), and '/'; the query may hold '?' as well.
        private const string PathCharacters = "-._~!$&'()*+,;=:@/";

        private RelativePath(string path, string? query)
        {
            Path = path;
            Query = query;
        }

        /// <summary>Gets the path, percent-encoded, starting with <c>/</c>.</summary>
        public string Path { get; }

        /// <summary>Gets the query without its <c>?</c>, percent-encoded; null when the text had none.</summary>
        public string? Query { get; }

        /// <summary>Checks <paramref name="text"/> against <paramref name="endpoint"/>'s base URI; throws <see cref="ArgumentException"/> saying why it is refused.</summary>
        public static RelativePath Parse(string? text, ServiceEndpoint endpoint)
        {
            var where = endpoint.BaseUri.GetLeftPart(UriPartial.Path).TrimEnd('/');
            if (string.IsNullOrWhiteSpace(text))
            {
                throw Refused("The path is empty.");
            }

            var value = text!.Trim();
            if (Scheme.IsMatch(value))
            {
                throw Refused($"'{value}' is an absolute URL; only a path is taken, and the request goes to {where}{SuggestPath(value, endpoint)}.");
            }

            if (value.IndexOf('\\') >= 0)
            {
                // Some servers and System.Uri itself read '\' as '/', which would bypass the checks below.
                throw Refused($"'{value}' contains '\\'; separate the segments of a path with '/'.");
            }

            if (value.StartsWith("//", StringComparison.Ordinal))
            {
                throw Refused($"'{value}' names a host ('//' starts one); only a path under {where} is taken.");
            }

            if (value.IndexOf('#') >= 0)
            {
                throw Refused($"'{value}' contains '#', which would cut the path short (a fragment is never sent); write it as %23, or escape ids with [uri]::EscapeDataString().");
            }

            if (value[0] != '/')
            {
                value = "/" + value;
            }

            var question = value.IndexOf('?');
            var path = Encode(question < 0 ? value : value.Substring(0, question), PathCharacters);
            var query = question < 0 ? null : Encode(value.Substring(question + 1), PathCharacters + "?");
            if (DotSegments(path))
            {
                throw Refused($"'{text!.Trim()}' has a '.' or '..' segment (perhaps encoded, such as %2e%2e), which could lead out of {where}; write the path without it.");
            }

            var checkedPath = new RelativePath(path, query);
            var resolved = endpoint.Resolve(path + (query == null ? string.Empty : "?" + query));
            var basePath = endpoint.BaseUri.AbsolutePath.TrimEnd('/') + "/";
            if (Uri.Compare(resolved, endpoint.BaseUri, UriComponents.SchemeAndServer | UriComponents.UserInfo, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) != 0 ||
                !resolved.AbsolutePath.StartsWith(basePath, StringComparison.Ordinal))
            {
                throw Refused($"'{text!.Trim()}' would not stay under {where}.");
            }

            return checkedPath;
        }

        /// <summary>Gets the path and query as the transport takes them.</summary>
        public override string ToString() => Query == null ? Path : Path + "?" + Query;

        private static ArgumentException Refused(string message) => new ArgumentException(message + " The request was not sent.");

        // An absolute URL of the service itself: the part to pass instead.
        private static string SuggestPath(string value, ServiceEndpoint endpoint)
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) ||
                !string.Equals(uri.Host, endpoint.BaseUri.Host, StringComparison.OrdinalIgnoreCase))
            {
                return string.Empty;
            }

            var basePath = endpoint.BaseUri.AbsolutePath.TrimEnd('/');
            var path = uri.PathAndQuery.StartsWith(basePath, StringComparison.Ordinal) ? uri.PathAndQuery.Substring(basePath.Length) : uri.PathAndQuery;
            return $": pass -Path '{path}'";
        }

        // Decoded as often as a server might (twice-encoded %252e%252e is ".." after two rounds), then split.
        private static bool DotSegments(string path)
        {
            var decoded = path;
            for (var round = 0; round < 3; round++)
            {
                var next = Uri.UnescapeDataString(decoded);
                if (next == decoded)
                {
                    break;
                }

                decoded = next;
            }

            return decoded.Split('/', '\\').Any(segment => segment == "." || segment == "..");
        }

        private static string Encode(string text, string allowed)
        {
            var encoded = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if ((c < 128 && char.IsLetterOrDigit(c)) || allowed.IndexOf(c) >= 0)
                {
                    encoded.Append(c);
                }
                else if (c == '%' && i + 2 < text.Length && IsHex(text[i + 1]) && IsHex(text[i + 2]))
                {
                    encoded.Append(text, i, 3);
                    i += 2;
                }
                else
                {
                    var length = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                    foreach (var b in Encoding.UTF8.GetBytes(text.Substring(i, length)))
                    {
                        encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                    }

                    i += length - 1;
                }
            }

            return encoded.ToString();
        }

        private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
