using System;
using System.Reflection;
using System.Runtime.InteropServices;

namespace NomosMeters.Benchmarks.Report
{
    /// <summary>Where the numbers were measured: they only compare within one run on one machine.</summary>
    internal static class MachineInfo
    {
        public static string Cores => Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture);

        public static string OperatingSystem => RuntimeInformation.OSDescription + " (" + RuntimeInformation.OSArchitecture + ")";

        public static string Runtime => RuntimeInformation.FrameworkDescription;

        public static string Configuration => typeof(MachineInfo).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "unknown";
    }
}
