using System.Globalization;
using System.Management.Automation;

namespace NomosMeters.Commands
{
    /// <summary>
    /// Write-Progress for paged lists: pages and objects read so far, shown as soon as a list turns out to have
    /// more than one page (a single page needs none), completed at the end. $ProgressPreference is honoured by
    /// WriteProgress itself.
    /// </summary>
    internal sealed class ListProgress
    {
        // One fixed activity id: a cmdlet shows one list at a time, and nested progress is not used.
        private const int ActivityId = 0x4E4D;

        private readonly Cmdlet _cmdlet;
        private readonly string _activity;
        private int _pages;
        private long _items;
        private bool _shown;

        public ListProgress(Cmdlet cmdlet, string activity)
        {
            _cmdlet = cmdlet;
            _activity = activity;
        }

        /// <summary>Called on the pipeline thread for each page that arrives.</summary>
        public void PageRead(int items, bool more)
        {
            _pages++;
            _items += items;
            if (!more && !_shown)
            {
                return;
            }

            _shown = true;
            var status = string.Format(CultureInfo.InvariantCulture, "{0} page{1}, {2} objects read{3}", _pages, _pages == 1 ? string.Empty : "s", _items, more ? "; fetching the next page" : string.Empty);
            _cmdlet.WriteProgress(new ProgressRecord(ActivityId, _activity, status));
        }

        /// <summary>Removes the progress bar, if one was shown.</summary>
        public void Complete()
        {
            if (!_shown)
            {
                return;
            }

            _shown = false;
            _cmdlet.WriteProgress(new ProgressRecord(ActivityId, _activity, "Done") { RecordType = ProgressRecordType.Completed });
        }
    }
}
