using Xunit;

namespace ModelLifecycle.Core.Tests.TestSupport
{
    /// <summary>
    /// A fact that needs the official ARM example payloads (the x-ms-examples files of the
    /// Microsoft.CognitiveServices specification in github.com/Azure/azure-rest-api-specs) in the
    /// reference data beside the checkout (<see cref="RepoPaths.ArmExamples"/>). They are read in place
    /// and never copied into the repository, so where they are absent the test is skipped with a
    /// message that says so, instead of failing.
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
