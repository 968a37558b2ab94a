using System;

namespace ModelLifecycle
{
    /// <summary>A model name and, when the source names one, a version.</summary>
    public sealed class ModelRef : IEquatable<ModelRef>
    {
        public ModelRef(string model, string? version = null)
        {
            if (string.IsNullOrWhiteSpace(model))
            {
                throw new ArgumentException("A model reference needs a model name.", nameof(model));
            }

            Model = model.Trim();
            Version = string.IsNullOrWhiteSpace(version) ? null : version!.Trim();
        }

        public string Model { get; }

        public string? Version { get; }

        public bool Equals(ModelRef? other) =>
            other is not null
            && string.Equals(Model, other.Model, StringComparison.OrdinalIgnoreCase)
            && string.Equals(Version, other.Version, StringComparison.OrdinalIgnoreCase);

        public override bool Equals(object? obj) => Equals(obj as ModelRef);

        public override int GetHashCode() =>
            StringComparer.OrdinalIgnoreCase.GetHashCode(Model) ^ (Version is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Version));

        /// <summary>"gpt-4.1" or "gpt-4.1 2025-04-14": the form people type and CSV files show.</summary>
        public override string ToString() => Version is null ? Model : Model + " " + Version;
    }
}
