using System;
using System.Collections.Generic;

namespace ModelLifecycle.Core.References
{
    /// <summary>Where and how <see cref="ReferenceScanner"/> looks.</summary>
    public sealed class ReferenceScanOptions
    {
        /// <summary>The smallest internal chunk; below this the overlap bookkeeping dominates.</summary>
        internal const int MinimumChunkSize = 16;

        /// <summary>Files or directories to search. Empty means the current directory.</summary>
        public IList<string> Paths { get; set; } = new List<string>();

        /// <summary>
        /// Gitignore-style globs (<c>*</c>, <c>**</c>, <c>?</c>, <c>[a-z]</c>); when any is given, only files
        /// that match one are searched. A glob without <c>/</c> matches the file name at any depth; one with
        /// <c>/</c> matches the path relative to the search root. Directories are not filtered by these.
        /// </summary>
        public IList<string> Include { get; set; } = new List<string>();

        /// <summary>Globs (same syntax as <see cref="Include"/>) for files and directories to skip.</summary>
        public IList<string> Exclude { get; set; } = new List<string>();

        /// <summary>Do not read .gitignore files (nor .git/info/exclude); .git directories are still skipped.</summary>
        public bool NoIgnore { get; set; }

        /// <summary>
        /// Report a pattern found inside a longer token too (<c>gpt-4o</c> in <c>gpt-4o-mini</c>). Off by
        /// default: a match must be a whole token (see <see cref="TokenRules"/>).
        /// </summary>
        public bool AllowSubstring { get; set; }

        /// <summary>
        /// Match case exactly. Off by default: ASCII letters match in either case (ids appear as
        /// <c>GPT-4o</c> in comments and docs), and <see cref="ReferenceMatch.Match"/> shows the file's spelling.
        /// Non-ASCII characters always match exactly.
        /// </summary>
        public bool CaseSensitive { get; set; }

        /// <summary>How many files are searched at once; 0 or less means one per processor.</summary>
        public int MaxDegreeOfParallelism { get; set; }

        /// <summary>Hold all results back and yield them sorted by <see cref="ReferenceMatchComparer"/>.</summary>
        public bool SortResults { get; set; }

        /// <summary>Longest <see cref="ReferenceMatch.Line"/> (in characters) before it is cut to a window around the match.</summary>
        public int MaxLineLength { get; set; } = 400;

        /// <summary>Bytes read per step; tests shrink it to put matches across chunk boundaries.</summary>
        internal int ChunkSize { get; set; } = 256 * 1024;

        /// <summary>The file system; tests replace it to make reads fail.</summary>
        internal ISourceFileSystem FileSystem { get; set; } = PhysicalFileSystem.Instance;

        internal int EffectiveParallelism =>
            MaxDegreeOfParallelism > 0 ? MaxDegreeOfParallelism : Math.Max(1, Environment.ProcessorCount);
    }
}
