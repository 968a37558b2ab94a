using System.Threading;

namespace ModelLifecycle.Commands
{
    /// <summary>
    /// Host progress ids for one command: a block of ids of its own, far from the small numbers scripts
    /// give Write-Progress, so the Core's bar numbers (<see cref="Core.ProgressBars"/>) become ids no
    /// caller uses and no other command of ours uses at the same time.
    /// </summary>
    internal static class ProgressIds
    {
        /// <summary>Ids start here ("ML" in the high bytes) and each command takes the next block.</summary>
        internal const int Base = 0x4D4C0000;

        /// <summary>Bar numbers below this fit in one block.</summary>
        internal const int BlockSize = 16;

        private const int Blocks = 0x10000 / BlockSize;
        private static int s_next = -1;

        /// <summary>The first id of a fresh block; blocks are reused only after 4,096 commands.</summary>
        internal static int NextBlock()
        {
            var n = Interlocked.Increment(ref s_next) & int.MaxValue;
            return Base + ((n % Blocks) * BlockSize);
        }
    }
}
