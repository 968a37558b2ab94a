namespace ModelLifecycle.Core.Catalog
{
    /// <summary>Where a model is offered. Azure Government and the OpenAI platform keep their own schedules.</summary>
    public enum CatalogCloud
    {
        AzureCloud,
        AzureUSGovernment,
        OpenAI,
    }

    /// <summary>
    /// Lifecycle stages in the vocabulary of the docs and the portal. The ARM Models API says
    /// <c>Deprecating</c> for the docs' Deprecated and <c>Deprecated</c> for the docs' Retired;
    /// <see cref="LiveCatalog.StageFromApi"/> translates.
    /// </summary>
    public enum LifecycleStage
    {
        Preview,
        GenerallyAvailable,
        Legacy,
        Deprecated,
        Retired,
    }

    /// <summary>How firm a date is, as the source words it.</summary>
    public enum DateQualifier
    {
        /// <summary>An exact, planned date.</summary>
        On,

        /// <summary>"No earlier than": the event happens on or after the date.</summary>
        NoEarlierThan,

        /// <summary>"No retirement scheduled. Will not retire before": a floor, not a plan.</summary>
        NotBefore,

        /// <summary>The Models API's <c>deprecationStatus: Tentative</c>: an estimate that may change.</summary>
        Tentative,

        /// <summary>Relative to another event ("one year after training retirement"); no date is known.</summary>
        Relative,
    }

    /// <summary>Where a catalog entry came from.</summary>
    public enum CatalogOrigin
    {
        Embedded,
        File,
        Live,
    }

    /// <summary>A base model, or a fine-tuned model built on it (fine-tuned deployments retire on their own dates).</summary>
    public enum ModelKind
    {
        Base,
        FineTuned,
    }
}
