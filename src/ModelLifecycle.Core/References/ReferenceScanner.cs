using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace ModelLifecycle.Core.References
{
    /// <summary>
    /// Finds every place under some paths that names one of the given patterns (model ids, deployment
    /// names). The catalog is no concern of this class: callers pass patterns (see
    /// <see cref="ModelIdSpellings"/> for the spellings of a model id) and join what they learn by
    /// <see cref="ReferenceMatch.Key"/>.
    /// </summary>
    public static class ReferenceScanner
    {
        /// <summary>
        /// Starts the scan when enumeration starts and yields matches as worker threads find them.
        /// Within a file matches come in (line, column) order; files interleave (sort with
        /// <see cref="ReferenceMatchComparer"/> or set <see cref="ReferenceScanOptions.SortResults"/>).
        /// Errors (unreadable files, missing paths), progress and verbose messages go to
        /// <paramref name="sink"/> on the enumerating thread, between the matches, so a cmdlet can write them
        /// directly. Cancelling <paramref name="cancellationToken"/> ends the enumeration with an
        /// <see cref="OperationCanceledException"/>; disposing the enumerator early stops the workers.
        /// A pattern given twice (same kind and key, and texts that match alike) is searched once; one text
        /// under two keys or kinds gives one match for each, except that a pattern with
        /// <see cref="PatternRules.YieldsToDeploymentName"/> gives way to a deployment name matched at the same place.
        /// </summary>
        /// <exception cref="ModelLifecycleException">InvalidReferencePattern, at once, for an unusable pattern.</exception>
        public static IEnumerable<ReferenceMatch> Scan(
            IEnumerable<ReferencePattern> patterns,
            ReferenceScanOptions options,
            IOperationSink? sink = null,
            CancellationToken cancellationToken = default)
        {
            if (patterns == null)
            {
                throw new ArgumentNullException(nameof(patterns));
            }

            if (options == null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            var compiled = new CompiledPatternSet(Validate(patterns, options.CaseSensitive), options.CaseSensitive, !options.AllowSubstring);
            string[] roots = options.Paths.Count == 0 ? new[] { "." } : options.Paths.ToArray();
            IEnumerable<ReferenceMatch> results = Run(compiled, options, roots, sink ?? NullOperationSink.Instance, cancellationToken);
            return options.SortResults ? Sorted(results) : results;
        }

        private static IEnumerable<ReferenceMatch> Run(
            CompiledPatternSet patterns, ReferenceScanOptions options, string[] roots, IOperationSink sink, CancellationToken cancellationToken)
        {
            using (var session = new ScanSession(patterns, options, roots, cancellationToken))
            {
                session.Start();
                foreach (ScanEvent scanEvent in session.Events.GetConsumingEnumerable(cancellationToken))
                {
                    if (scanEvent.Match != null)
                    {
                        yield return scanEvent.Match;
                    }
                    else if (scanEvent.Error != null)
                    {
                        sink.WriteError(scanEvent.Error);
                    }
                    else if (scanEvent.Progress != null)
                    {
                        sink.WriteProgress(scanEvent.Progress);
                    }
                    else if (scanEvent.Verbose != null)
                    {
                        sink.WriteVerbose(scanEvent.Verbose);
                    }
                }

                // The workers also stop on cancellation, which can empty the queue before the wait notices.
                cancellationToken.ThrowIfCancellationRequested();
                session.ThrowIfFaulted();
                if (session.ReportedProgress)
                {
                    sink.WriteProgress(session.CompletedProgress());
                }

                sink.WriteVerbose(session.Summary());
            }
        }

        private static IEnumerable<ReferenceMatch> Sorted(IEnumerable<ReferenceMatch> results)
        {
            var all = results.ToList();
            all.Sort(ReferenceMatchComparer.Instance);
            foreach (ReferenceMatch match in all)
            {
                yield return match;
            }
        }

        private static string AsciiLower(string text)
        {
            char[] chars = text.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if (chars[i] >= 'A' && chars[i] <= 'Z')
                {
                    chars[i] = (char)(chars[i] + 32);
                }
            }

            return new string(chars);
        }

        private static List<ReferencePattern> Validate(IEnumerable<ReferencePattern> patterns, bool caseSensitive)
        {
            var distinct = new List<ReferencePattern>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (ReferencePattern? pattern in patterns)
            {
                if (pattern == null)
                {
                    throw Invalid("A reference pattern is null.", null);
                }

                if (pattern.Text.Length == 0)
                {
                    throw Invalid($"The pattern for key '{pattern.Key}' has no text.", pattern);
                }

                if (pattern.Text.IndexOfAny(new[] { '\r', '\n' }) >= 0)
                {
                    throw Invalid($"The pattern '{pattern.Text}' spans lines; patterns are searched within a line.", pattern);
                }

                string text = caseSensitive ? pattern.Text : AsciiLower(pattern.Text);
                if (seen.Add(pattern.Kind + "\n" + pattern.Key + "\n" + (int)pattern.Rules + "\n" + text))
                {
                    distinct.Add(pattern);
                }
            }

            if (distinct.Count == 0)
            {
                throw Invalid("No patterns to search for.", null);
            }

            return distinct;
        }

        private static ModelLifecycleException Invalid(string message, ReferencePattern? pattern) =>
            new ModelLifecycleException(ReferenceErrorIds.InvalidReferencePattern, ErrorKind.InvalidArgument, message, pattern);
    }
}
