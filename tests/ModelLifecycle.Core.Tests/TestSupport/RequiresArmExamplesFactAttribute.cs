using Xunit;

namespace ModelLifecycle.Core.Tests.TestSupport
{
    /// <summary>
    /// A fact that needs the official ARM example payloads in ../shared/reference/arm-examples. They
    /// are read in place and never copied into the repository, so where they are absent the test is
    /// skipped with a message that says so, instead of failing.
    /// </summary>
    public sealed class RequiresArmExamplesFactAttribute : FactAttribute
    {
        public RequiresArmExamplesFactAttribute()
        {
            if (RepoPaths.ArmExamples == null)
            {
                Skip = "../shared/reference/arm-examples is not beside the repository; the ARM conformance tests read the official examples from there.";
            }
        }
    }
}
