using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Runtime.ExceptionServices;
using System.Threading;
using ModelLifecycle.Core.References.Ignore;

namespace ModelLifecycle.Core.References
{
    /// <summary>
    /// One running scan: a walker thread lists files into a bounded queue while worker threads search them
    /// and post <see cref="ScanEvent"/>s to a second bounded queue that the consumer drains. Both queues are
    /// bounded so that memory stays flat on any tree and a slow consumer slows the workers instead of
    /// piling up results. Disposing cancels the threads and waits for them.
    /// </summary>
    internal sealed class ScanSession : IDisposable
    {
        internal const int ProgressActivityId = ProgressBars.Searching;
        internal const string ProgressActivity = "Searching for model references";
        private static readonly long ProgressInterval = Stopwatch.Frequency / 4;

        private readonly CompiledPatternSet patterns;
        private readonly ReferenceScanOptions options;
        private readonly string[] roots;
        private readonly CancellationTokenSource cancellation;
        private readonly BlockingCollection<FileWorkItem> files = new BlockingCollection<FileWorkItem>(4096);
        private readonly Thread[] threads;
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private int runningWorkers;
        private int filesFound;
        private int filesSearched;
        private int binaryFiles;
        private int stoppedFiles;
        private long bytesSearched;
        private long lastProgress;
        private volatile bool walkFinished;
        private ExceptionDispatchInfo? fault;

        public ScanSession(CompiledPatternSet patterns, ReferenceScanOptions options, string[] roots, CancellationToken cancellationToken)
        {
            this.patterns = patterns;
            this.options = options;
            this.roots = roots;
            cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            int workers = options.EffectiveParallelism;
            runningWorkers = workers;
            threads = new Thread[workers + 1];
            threads[0] = new Thread(WalkAll) { IsBackground = true, Name = "ModelLifecycle reference walker" };
            for (int i = 1; i <= workers; i++)
            {
                threads[i] = new Thread(SearchFiles) { IsBackground = true, Name = "ModelLifecycle reference search " + i };
            }
        }

        public BlockingCollection<ScanEvent> Events { get; } = new BlockingCollection<ScanEvent>(8192);

        /// <summary>True once a progress report went out, so the host expects a closing one.</summary>
        public bool ReportedProgress { get; private set; }

        public void Start()
        {
            foreach (Thread thread in threads)
            {
                thread.Start();
            }
        }

        public void ThrowIfFaulted() => Volatile.Read(ref fault)?.Throw();

        public ProgressReport CompletedProgress() =>
            new ProgressReport(ProgressActivityId, ProgressActivity, "Done", filesSearched, filesFound) { IsComplete = true };

        /// <summary>
        /// The one verbose line about what was read: text files and how much text (binary files count
        /// neither, a notebook counts its cell sources), then the binary files skipped, and those whose
        /// search stopped at binary data after some text.
        /// </summary>
        public string Summary() => string.Format(
            CultureInfo.InvariantCulture,
            "Searched {0} ({1:0.0} MB of text) in {2:0.00} s; skipped {3}{4}.",
            Count(filesSearched - binaryFiles, "text file"),
            Interlocked.Read(ref bytesSearched) / (1024.0 * 1024.0),
            clock.Elapsed.TotalSeconds,
            Count(binaryFiles, "binary file"),
            stoppedFiles == 0 ? string.Empty : "; searched " + Count(stoppedFiles, "file") + " up to binary data");

        private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");

        private void WalkAll()
        {
            CancellationToken token = cancellation.Token;
            try
            {
                var walker = new SourceTreeWalker(
                    options.FileSystem, options.NoIgnore, new PathFilter(options.Include, options.Exclude), e => Post(ScanEvent.Failed(e)));
                // Roots may overlap (src and src/sub, or a file inside a folder also named): each file is searched once.
                var queued = new HashSet<string>(StringComparer.Ordinal);
                foreach (string root in roots)
                {
                    walker.Walk(root, file =>
                    {
                        if (!queued.Add(file.FullPath))
                        {
                            return;
                        }

                        Interlocked.Increment(ref filesFound);
                        files.Add(file, token);
                    }, token);
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                Fail(e);
            }
            finally
            {
                walkFinished = true;
                files.CompleteAdding();
            }
        }

        private void SearchFiles()
        {
            CancellationToken token = cancellation.Token;
            try
            {
                var searcher = new FileSearcher(patterns, options.ChunkSize, options.MaxLineLength);
                Action<ReferenceMatch> emit = match => Post(ScanEvent.Found(match));
                foreach (FileWorkItem file in files.GetConsumingEnumerable(token))
                {
                    Interlocked.Add(ref bytesSearched, SearchFile(searcher, file, emit, token));
                    Interlocked.Increment(ref filesSearched);

                    ReportProgressNowAndThen();
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                Fail(e);
            }
            finally
            {
                if (Interlocked.Decrement(ref runningWorkers) == 0)
                {
                    Events.CompleteAdding();
                }
            }
        }

        /// <summary>Searches one file and returns how many bytes of text that was.</summary>
        private long SearchFile(FileSearcher searcher, FileWorkItem file, Action<ReferenceMatch> emit, CancellationToken token)
        {
            FileSearchOutcome outcome;
            try
            {
                if (NotebookSearcher.IsNotebook(file.DisplayPath))
                {
                    using (Stream stream = options.FileSystem.OpenRead(file.FullPath))
                    {
                        long notebookText = NotebookSearcher.Search(searcher, stream, file.DisplayPath, emit, token);
                        if (notebookText >= 0)
                        {
                            return notebookText;
                        }
                    }

                    Post(ScanEvent.Said($"'{file.DisplayPath}' is not a notebook whose cells can be read; searched as text."));
                }

                using (Stream stream = options.FileSystem.OpenRead(file.FullPath))
                {
                    outcome = searcher.Search(stream, file.Length, file.DisplayPath, emit, token);
                }
            }
            catch (Exception e) when (SourceTreeWalker.IsAccessFailure(e))
            {
                // Matches the file gave before the failure have gone out already; the error says the rest is missing.
                Post(ScanEvent.Failed(new ModelLifecycleException(
                    ReferenceErrorIds.FileReadFailed, ErrorKind.ReadError, $"Cannot read '{file.DisplayPath}': {e.Message}", file.DisplayPath, e)));
                return 0;
            }

            // Counted for the summary, not said per file: a tree can hold thousands of binary files.
            if (outcome == FileSearchOutcome.Binary)
            {
                Interlocked.Increment(ref binaryFiles);
            }
            else if (outcome == FileSearchOutcome.StoppedAtBinaryData)
            {
                Interlocked.Increment(ref stoppedFiles);
            }

            return searcher.TextBytes;
        }

        /// <summary>A few progress reports a second at most, from whichever worker notices it is time.</summary>
        private void ReportProgressNowAndThen()
        {
            long now = clock.ElapsedTicks;
            long last = Interlocked.Read(ref lastProgress);
            if (now - last < ProgressInterval || Interlocked.CompareExchange(ref lastProgress, now, last) != last)
            {
                return;
            }

            ReportedProgress = true;
            int searched = Volatile.Read(ref filesSearched);
            int listed = Volatile.Read(ref filesFound);
            int? total = walkFinished ? listed : (int?)null;
            string status = string.Format(
                CultureInfo.InvariantCulture, "{0} of {1}{2} files searched", searched, listed, walkFinished ? string.Empty : "+");
            Post(ScanEvent.Progressed(new ProgressReport(ProgressActivityId, ProgressActivity, status, searched, total)));
        }

        private void Post(ScanEvent scanEvent)
        {
            try
            {
                Events.Add(scanEvent, cancellation.Token);
            }
            catch (InvalidOperationException) when (cancellation.IsCancellationRequested)
            {
                // The workers stopped and closed the queue in the middle of a cancellation.
                throw new OperationCanceledException(cancellation.Token);
            }
        }

        private void Fail(Exception e)
        {
            Interlocked.CompareExchange(ref fault, ExceptionDispatchInfo.Capture(e), null);
            cancellation.Cancel();
        }

        public void Dispose()
        {
            cancellation.Cancel();
            foreach (Thread thread in threads)
            {
                if (thread.ThreadState != System.Threading.ThreadState.Unstarted)
                {
                    thread.Join();
                }
            }

            cancellation.Dispose();
            files.Dispose();
            Events.Dispose();
        }
    }
}
