using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace NomosMeters.Commands
{
    /// <summary>
    /// Invoke-NomosRequest's -Query as query parameters. An array repeats its key once per value; a nested hashtable
    /// nests its keys in brackets, so <c>@{ filter = @{ status = @{ eq = 'placed' } } }</c> is the same as
    /// <c>@{ 'filter[status][eq]' = 'placed' }</c>; a null value leaves its key out.
    /// </summary>
    internal static class QueryValues
    {
        /// <summary>The parameters, decoded (the query builder encodes them); an <see cref="ArgumentException"/> for a value that is not one.</summary>
        public static List<KeyValuePair<string, string>> From(IDictionary query)
        {
            var parameters = new List<KeyValuePair<string, string>>();
            AddTable(parameters, null, query);
            return parameters;
        }

        private static void AddTable(List<KeyValuePair<string, string>> parameters, string? prefix, IDictionary table)
        {
            foreach (var entry in PowerShellValues.Entries(table))
            {
                if (entry.Key.Length == 0)
                {
                    throw new ArgumentException("-Query has an empty key; every query parameter needs a name.");
                }

                Add(parameters, prefix == null ? entry.Key : $"{prefix}[{entry.Key}]", entry.Value, inList: false);
            }
        }

        private static void Add(List<KeyValuePair<string, string>> parameters, string name, object? value, bool inList)
        {
            var bare = PowerShellValues.Unwrap(value);
            if (bare == null)
            {
                return;
            }

            var text = PowerShellValues.Text(bare);
            if (text != null)
            {
                parameters.Add(new KeyValuePair<string, string>(name, text));
            }
            else if (bare is IDictionary table && !inList)
            {
                AddTable(parameters, name, table);
            }
            else if (bare is IEnumerable many && !(bare is PSObject) && !inList)
            {
                foreach (var item in many)
                {
                    Add(parameters, name, item, inList: true);
                }
            }
            else
            {
                throw new ArgumentException(
                    $"The -Query value of '{name}' is {(inList ? "a list or table inside a list" : "an object of type " + (bare is PSObject ? "PSCustomObject" : bare.GetType().Name))}, which has no text form for a query.");
            }
        }
    }
}
