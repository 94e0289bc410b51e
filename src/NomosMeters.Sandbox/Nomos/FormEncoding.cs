using System;
using System.Collections.Generic;

namespace NomosMeters.Sandbox.Nomos
{
    /// <summary>Splits <c>a=1&amp;b=2</c> (a query string or a form body) into decoded pairs, in order, keeping repeats.</summary>
    internal static class FormEncoding
    {
        public static List<KeyValuePair<string, string>> Parse(string? text)
        {
            var pairs = new List<KeyValuePair<string, string>>();
            if (string.IsNullOrEmpty(text))
            {
                return pairs;
            }

            foreach (var part in text!.TrimStart('?').Split('&'))
            {
                if (part.Length == 0)
                {
                    continue;
                }

                var equals = part.IndexOf('=');
                var key = equals < 0 ? part : part.Substring(0, equals);
                var value = equals < 0 ? string.Empty : part.Substring(equals + 1);
                pairs.Add(new KeyValuePair<string, string>(Decode(key), Decode(value)));
            }

            return pairs;
        }

        /// <summary>Decodes one component: filter keys arrive as <c>filter%5Bstatus%5D%5Bin%5D</c>, and '+' is a space in query strings and form bodies alike.</summary>
        public static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
    }
}
