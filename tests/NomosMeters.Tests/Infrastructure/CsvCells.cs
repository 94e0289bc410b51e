using System.Collections.Generic;
using System.Management.Automation;

namespace NomosMeters.Tests.Infrastructure
{
    /// <summary>
    /// What Export-Csv writes for one object, computed the way Export-Csv computes it (ExportCsvHelper: every
    /// property of the PSObject, each cell the plain <c>ToString()</c> of its value). Called from inside a
    /// pipeline so that the module's type data applies, as it does for Export-Csv.
    /// </summary>
    public static class CsvCells
    {
        public static CsvRow Of(PSObject row)
        {
            var cells = new List<KeyValuePair<string, string>>();
            foreach (var property in row.Properties)
            {
                cells.Add(new KeyValuePair<string, string>(property.Name, property.Value?.ToString() ?? string.Empty));
            }

            return new CsvRow(row.BaseObject, cells);
        }
    }

    /// <summary>One object and its CSV cells (header name, cell text) in column order.</summary>
    public sealed record CsvRow(object Source, IReadOnlyList<KeyValuePair<string, string>> Cells);
}
