using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text;

namespace NomosMeters.Tests.Infrastructure
{
    /// <summary>
    /// A console-like host that records what PowerShell's formatter writes (Out-Host, Out-Default) and every
    /// Write-Progress record, so tests see tables and progress exactly as a user at a 120-column prompt would.
    /// </summary>
    public sealed class CapturingHost : PSHost
    {
        private readonly CapturingUI _ui = new CapturingUI();

        public override string Name => "NomosMeters.Tests";

        public override Version Version => new Version(1, 0);

        public override Guid InstanceId { get; } = Guid.NewGuid();

        public override PSHostUserInterface UI => _ui;

        public override CultureInfo CurrentCulture => CultureInfo.GetCultureInfo("en-US");

        public override CultureInfo CurrentUICulture => CultureInfo.GetCultureInfo("en-US");

        /// <summary>Gets everything written to the console so far.</summary>
        public string Text => _ui.Text.ToString();

        public List<ProgressRecord> Progress => _ui.Progress;

        public void Clear()
        {
            _ui.Text.Clear();
            _ui.Progress.Clear();
        }

        public override void EnterNestedPrompt() => throw new NotSupportedException();

        public override void ExitNestedPrompt() => throw new NotSupportedException();

        public override void NotifyBeginApplication()
        {
        }

        public override void NotifyEndApplication()
        {
        }

        public override void SetShouldExit(int exitCode)
        {
        }

        private sealed class CapturingUI : PSHostUserInterface
        {
            public StringBuilder Text { get; } = new StringBuilder();

            public List<ProgressRecord> Progress { get; } = new List<ProgressRecord>();

            public override PSHostRawUserInterface RawUI { get; } = new WideRawUI();

            public override void Write(string value) => Text.Append(value);

            public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Text.Append(value);

            public override void WriteLine(string value) => Text.Append(value).Append('\n');

            public override void WriteErrorLine(string value)
            {
            }

            public override void WriteDebugLine(string message)
            {
            }

            public override void WriteVerboseLine(string message)
            {
            }

            public override void WriteWarningLine(string message)
            {
            }

            public override void WriteProgress(long sourceId, ProgressRecord record)
            {
                lock (Progress)
                {
                    Progress.Add(record);
                }
            }

            public override string ReadLine() => throw new NotSupportedException();

            public override SecureString ReadLineAsSecureString() => throw new NotSupportedException();

            public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) => throw new NotSupportedException();

            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw new NotSupportedException();

            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw new NotSupportedException();

            public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice) => throw new NotSupportedException();
        }

        private sealed class WideRawUI : PSHostRawUserInterface
        {
            public override ConsoleColor BackgroundColor { get; set; }

            public override Size BufferSize { get; set; } = new Size(120, 9999);

            public override Coordinates CursorPosition { get; set; }

            public override int CursorSize { get; set; }

            public override ConsoleColor ForegroundColor { get; set; }

            public override bool KeyAvailable => false;

            public override Size MaxPhysicalWindowSize => new Size(120, 50);

            public override Size MaxWindowSize => new Size(120, 50);

            public override Coordinates WindowPosition { get; set; }

            public override Size WindowSize { get; set; } = new Size(120, 50);

            public override string WindowTitle { get; set; } = string.Empty;

            public override void FlushInputBuffer()
            {
            }

            public override BufferCell[,] GetBufferContents(Rectangle rectangle) => throw new NotSupportedException();

            public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException();

            public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) => throw new NotSupportedException();

            public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) => throw new NotSupportedException();

            public override void SetBufferContents(Rectangle rectangle, BufferCell fill) => throw new NotSupportedException();
        }
    }
}
