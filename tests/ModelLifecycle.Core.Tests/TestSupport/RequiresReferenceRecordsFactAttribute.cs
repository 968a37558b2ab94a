using System.IO;
using Xunit;

namespace ModelLifecycle.Core.Tests.TestSupport
{
    /// <summary>
    /// A fact that needs the public-source lifecycle records the catalog is generated from, in the
    /// reference data beside the checkout (<see cref="RepoPaths.Shared"/>; read in place, never copied);
    /// skipped with a message that says so where they are absent.
    /// </summary>
    public sealed class RequiresReferenceRecordsFactAttribute : FactAttribute
    {
        public RequiresReferenceRecordsFactAttribute()
        {
            if (RepoPaths.Shared == null || !File.Exists(Path.Combine(RepoPaths.Shared, "reference", "model-lifecycle-records.json")))
            {
                Skip = "../shared/reference/model-lifecycle-records.json is not beside the repository; this check only runs where it is.";
            }
        }
    }
}
