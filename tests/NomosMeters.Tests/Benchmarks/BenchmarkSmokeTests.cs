using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NomosMeters.Tests.Infrastructure;
using Xunit;

namespace NomosMeters.Tests.Benchmarks
{
    /// <summary>
    /// The benchmark harness in <c>--smoke</c> mode: every measurement runs end to end and reports a number. Smoke
    /// sizes are too small for the goals to mean anything, so pass or fail of a goal is not asserted.
    /// </summary>
    [Trait("Category", "Slow")]
    public sealed class BenchmarkSmokeTests
    {
        [Fact]
        public void SmokeRunReportsANumberForEveryMeasurementAndLeavesNoServerBehind()
        {
            var report = Path.Combine(Path.GetTempPath(), "nomos-bench-" + Guid.NewGuid().ToString("N") + ".md");
            try
            {
                var (exitCode, output) = BenchmarkHarnessProcess.Run(TimeSpan.FromSeconds(180), "--smoke", "--out", report);

                Assert.True(exitCode == 0, output);
                var rows = File.ReadAllLines(report)
                    .Where(line => Regex.IsMatch(line, @"^\| [1-8][a-z]? \|"))
                    .Select(line => line.Split(" | "))
                    .ToArray();
                foreach (var measurement in new[] { "1", "2", "3", "4", "5", "6", "6b", "7", "8" })
                {
                    Assert.Contains(rows, cells => cells[0].TrimStart('|', ' ').StartsWith(measurement, StringComparison.Ordinal));
                }

                // Columns: # | Measurement | Goal | Measured | Baseline / bound | Ratio | Result.
                Assert.All(rows, cells =>
                {
                    Assert.Equal(7, cells.Length);
                    Assert.NotEqual("error", cells[3]);
                    Assert.Matches(@"\d", cells[3]);
                    var ratio = double.Parse(Regex.Match(cells[5], @"^\d+(\.\d+)?(?=×)").Value, System.Globalization.CultureInfo.InvariantCulture);
                    Assert.True(ratio > 0 && !double.IsInfinity(ratio), cells[5]);
                    Assert.Contains(cells[6].Trim(' ', '|'), new[] { "pass", "**fail**" });
                });

                // The loopback server ran in a process of its own; it is gone once the harness has exited.
                var server = int.Parse(Regex.Match(output, @"sandbox server: process (\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(HasExited(server), $"the sandbox server (process {server}) outlived the harness");
            }
            finally
            {
                File.Delete(report);
            }
        }

        private static bool HasExited(int processId)
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(processId);
                return process.HasExited;
            }
            catch (ArgumentException)
            {
                return true;
            }
        }
    }
}
