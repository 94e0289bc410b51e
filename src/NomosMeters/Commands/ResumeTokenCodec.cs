using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace NomosMeters.Commands
{
    /// <summary>
    /// Where a list that stopped can go on: the API's cursor of the page that failed, bound to the command and to the
    /// filters it was listed with, so it is not used with others. Opaque to users: the error that stops a list shows
    /// the whole command to run, -ResumeToken included.
    /// </summary>
    internal static class ResumeTokenCodec
    {
        private const string Prefix = "nmr1.";

        public static string Write(string command, string filters, string cursor)
        {
            var json = JsonSerializer.Serialize(new Dictionary<string, string> { ["c"] = command, ["f"] = Key(filters), ["p"] = cursor });
            return Prefix + Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        }

        /// <summary>The cursor in <paramref name="token"/>; an error record when it is not this command's, or not for these filters.</summary>
        public static string Read(string token, string command, string filters, out ErrorRecord? error)
        {
            error = null;
            Dictionary<string, string>? fields = null;
            try
            {
                if (token.StartsWith(Prefix, StringComparison.Ordinal))
                {
                    var body = token.Substring(Prefix.Length).Replace('-', '+').Replace('_', '/');
                    body = body.PadRight(body.Length + ((4 - (body.Length % 4)) % 4), '=');
                    fields = JsonSerializer.Deserialize<Dictionary<string, string>>(Encoding.UTF8.GetString(Convert.FromBase64String(body)));
                }
            }
            catch (Exception ex) when (ex is FormatException || ex is JsonException)
            {
                fields = null;
            }

            if (fields == null || !fields.TryGetValue("c", out var owner) || !fields.TryGetValue("f", out var key) || !fields.TryGetValue("p", out var cursor))
            {
                error = Invalid("-ResumeToken is not a token this module wrote.", token, "Copy it whole from the error that stopped the list, or run the command again without -ResumeToken.");
                return string.Empty;
            }

            if (owner != command)
            {
                error = Invalid($"-ResumeToken continues a list of {owner}, not of {command}.", token, $"Run {owner} with it, as the error that stopped the list showed.");
                return string.Empty;
            }

            if (key != Key(filters))
            {
                error = Invalid(
                    "-ResumeToken belongs to the same command with other filters or another -PageSize.",
                    token,
                    "Run the command exactly as the error that stopped the list showed it, or run it again without -ResumeToken.");
                return string.Empty;
            }

            return cursor;
        }

        // A short digest: enough to tell filters apart, and no filter value is readable from the token.
        private static string Key(string filters)
        {
            using var sha = SHA256.Create();
            return string.Concat(sha.ComputeHash(Encoding.UTF8.GetBytes(filters)).Take(12).Select(b => b.ToString("x2")));
        }

        private static ErrorRecord Invalid(string message, string token, string advice)
            => ErrorRecords.InvalidArgument("NomosMeters.InvalidResumeToken", message, token, advice);
    }
}
