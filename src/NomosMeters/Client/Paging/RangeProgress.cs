namespace NomosMeters.Client.Paging
{
    /// <summary>
    /// How far one output has got through the slice <c>-Skip</c> and <c>-First</c> ask for, when it is written by
    /// several streams in turn (one list per batch of pipeline input): what is still to skip, what is still wanted.
    /// </summary>
    internal sealed class RangeProgress
    {
        private ulong _skipLeft;
        private ulong? _firstLeft;

        public RangeProgress(PageRange range)
        {
            _skipLeft = range.Skip;
            _firstLeft = range.First;
        }

        /// <summary>Gets how many items have been handed out.</summary>
        public ulong Written { get; private set; }

        /// <summary>Gets whether -First has all it wants: no further stream needs to be asked for anything.</summary>
        public bool IsSatisfied => _firstLeft == 0;

        /// <summary>Gets what the next stream needs to fetch at most (the items still to skip and still wanted), skipping none itself.</summary>
        public PageRange ToFetch => new PageRange(0, _firstLeft.HasValue ? _skipLeft + _firstLeft.Value : (ulong?)null);

        /// <summary>Takes an item as skipped, if any are still to skip.</summary>
        public bool TrySkip()
        {
            if (_skipLeft == 0)
            {
                return false;
            }

            _skipLeft--;
            return true;
        }

        /// <summary>Counts an item handed out; true once -First has all it wants.</summary>
        public bool CountWritten()
        {
            Written++;
            if (_firstLeft.HasValue)
            {
                _firstLeft--;
            }

            return _firstLeft == 0;
        }
    }
}
