using System;

namespace NomosMeters.Sandbox
{
    /// <summary>SplitMix64: the same seed gives the same sequence on every runtime (System.Random does not promise that).</summary>
    internal sealed class SeededRandom
    {
        private const string IdAlphabet = "0123456789abcdefghijklmnopqrstuvwxyz";

        private ulong _state;

        public SeededRandom(int seed) => _state = (ulong)seed * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E019UL;

        private SeededRandom(ulong state) => _state = state;

        /// <summary>A sequence of its own for one key: draws about one thing (a day's reading) that need no state kept between requests.</summary>
        public static SeededRandom For(ulong key) => new SeededRandom(Mix(key));

        /// <summary>The SplitMix64 finalizer: spreads any 64-bit key over all 64 bits.</summary>
        public static ulong Mix(ulong z)
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        public ulong NextUInt64() => Mix(_state += 0x9E3779B97F4A7C15UL);

        /// <summary>An integer in [0, <paramref name="max"/>).</summary>
        public int Next(int max) => (int)(NextUInt64() % (ulong)max);

        /// <summary>An integer in [<paramref name="min"/>, <paramref name="max"/>).</summary>
        public long NextInt64(long min, long max) => min + (long)(NextUInt64() % (ulong)(max - min));

        /// <summary>A number in [0, 1).</summary>
        public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

        public bool Chance(double probability) => NextUInt64() / (double)ulong.MaxValue < probability;

        public T Pick<T>(T[] items) => items[Next(items.Length)];

        /// <summary>An id as Nomos writes them: the prefix and 24 lowercase alphanumerics, e.g. <c>prdo_mi4f0oda6x9m7gcsvjk0ole1</c>.</summary>
        public string NextId(string prefix)
        {
            var chars = new char[24];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = IdAlphabet[Next(IdAlphabet.Length)];
            }

            return prefix + new string(chars);
        }

        public Guid NextGuid()
        {
            var bytes = new byte[16];
            BitConverter.GetBytes(NextUInt64()).CopyTo(bytes, 0);
            BitConverter.GetBytes(NextUInt64()).CopyTo(bytes, 8);
            bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
            return new Guid(bytes);
        }
    }
}
