using System.Threading;

namespace NomosMeters.Session
{
    /// <summary>
    /// The process-wide current connection used by cmdlets called without <c>-Connection</c>. Process-wide so that
    /// <c>ForEach-Object -Parallel</c> runspaces see it; scripts that must not share it pass <c>-Connection</c>.
    /// </summary>
    internal static class NomosSession
    {
        private static NomosConnection? _current;

        public static NomosConnection? Current => Volatile.Read(ref _current);

        /// <summary>Makes <paramref name="connection"/> current and returns the one it replaced.</summary>
        public static NomosConnection? Replace(NomosConnection? connection) => Interlocked.Exchange(ref _current, connection);

        /// <summary>Forgets <paramref name="connection"/> if it is the current one; returns whether it was.</summary>
        public static bool Forget(NomosConnection connection) => ReferenceEquals(Interlocked.CompareExchange(ref _current, null, connection), connection);
    }
}
