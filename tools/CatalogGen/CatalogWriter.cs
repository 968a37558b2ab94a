using System;
using System.Globalization;
using System.IO;
using System.Linq;
using ModelLifecycle.Core.Catalog;
using Newtonsoft.Json;

namespace ModelLifecycle.CatalogGen
{
    /// <summary>
    /// Writes a catalog in the project's format, deterministically (same catalog, same bytes), so the
    /// generated snapshot can be committed and checked for drift. Lives with the generator, its only
    /// user: the module reads catalogs and never writes one.
    /// </summary>
    public static class CatalogWriter
    {
        public static string Write(LifecycleCatalog catalog)
        {
            using var sw = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
            using (var w = new JsonTextWriter(sw) { Formatting = Formatting.Indented, Indentation = 2 })
            {
                w.WriteStartObject();
                w.WritePropertyName("format");
                w.WriteValue(CatalogReader.FormatName);
                w.WritePropertyName("formatVersion");
                w.WriteValue(CatalogReader.FormatVersion);
                w.WritePropertyName("snapshotDate");
                w.WriteValue(Date(catalog.SnapshotDate));
                if (catalog.Description is not null)
                {
                    w.WritePropertyName("description");
                    w.WriteValue(catalog.Description);
                }

                WriteArray(w, "sources", catalog.Sources.OrderByDescending(s => s.Date).ThenBy(s => s.Name, StringComparer.Ordinal), s => WriteSource(w, s, full: true));
                WriteArray(w, "entries", catalog.Entries, e => WriteEntry(w, e));
                w.WriteEndObject();
            }

            return sw.ToString() + "\n";
        }

        private static void WriteEntry(JsonTextWriter w, CatalogEntry e)
        {
            w.WriteStartObject();
            Prop(w, "model", e.Model);
            Prop(w, "version", e.Version);
            if (e.Kind != ModelKind.Base)
            {
                Prop(w, "kind", e.Kind.ToString());
            }

            Prop(w, "cloud", e.Cloud.ToString());
            Prop(w, "category", e.Category);
            Prop(w, "stage", e.Stage?.ToString());
            Prop(w, "deprecationDate", e.DeprecationDate);
            Prop(w, "retirementDate", e.RetirementDate);
            if (e.RetirementDate is not null || e.RetirementQualifier != DateQualifier.On)
            {
                Prop(w, "retirementQualifier", e.RetirementQualifier.ToString());
            }

            Prop(w, "retirementText", e.RetirementText);
            if (e.RetirementByDeploymentType.Count > 0)
            {
                w.WritePropertyName("retirementByDeploymentType");
                w.WriteStartObject();
                foreach (var p in e.RetirementByDeploymentType.OrderBy(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
                {
                    Prop(w, p.Key, p.Value);
                }

                w.WriteEndObject();
            }

            if (e.Replacements.Count > 0)
            {
                WriteArray(w, "replacements", e.Replacements, r => WriteModelRef(w, r));
            }

            if (e.AutoUpgrade is AutoUpgradeInfo au)
            {
                w.WritePropertyName("autoUpgrade");
                w.WriteStartObject();
                w.WritePropertyName("target");
                WriteModelRef(w, au.Target);
                if (au.TargetFromReplacement)
                {
                    w.WritePropertyName("targetFromReplacement");
                    w.WriteValue(true);
                }

                Prop(w, "startDate", au.StartDate);
                if (au.StartQualifier != DateQualifier.On)
                {
                    Prop(w, "startQualifier", au.StartQualifier.ToString());
                }

                if (au.LeadDays is int lead)
                {
                    w.WritePropertyName("leadDays");
                    w.WriteValue(lead);
                }

                if (au.AppliesToDeploymentTypes.Count > 0)
                {
                    WriteArray(w, "appliesTo", au.AppliesToDeploymentTypes, w.WriteValue);
                }

                if (au.AppliesToUpgradeOptions.Count > 0)
                {
                    WriteArray(w, "appliesToOptions", au.AppliesToUpgradeOptions, w.WriteValue);
                }

                Prop(w, "appliesToText", au.AppliesToText);
                w.WriteEndObject();
            }

            if (e.NoAutoUpgrade)
            {
                w.WritePropertyName("noAutoUpgrade");
                w.WriteValue(true);
            }

            if (e.IsDefaultVersion is bool isDefault)
            {
                w.WritePropertyName("isDefaultVersion");
                w.WriteValue(isDefault);
            }

            Prop(w, "trainingRetirementDate", e.TrainingRetirementDate);
            if (e.Notes.Count > 0)
            {
                WriteArray(w, "notes", e.Notes, w.WriteValue);
            }

            WriteArray(w, "sources", e.Sources, s => WriteSource(w, s, full: false));
            w.WriteEndObject();
        }

        private static void WriteSource(JsonTextWriter w, SourceRef s, bool full)
        {
            w.WriteStartObject();
            Prop(w, "name", s.Name);
            if (full)
            {
                Prop(w, "url", s.Url);
                Prop(w, "commit", s.Commit);
                Prop(w, "date", s.Date);
            }

            if (s.Fields.Count > 0)
            {
                WriteArray(w, "fields", s.Fields, w.WriteValue);
            }

            w.WriteEndObject();
        }

        private static void WriteArray<T>(JsonTextWriter w, string name, System.Collections.Generic.IEnumerable<T> items, Action<T> writeItem)
        {
            w.WritePropertyName(name);
            w.WriteStartArray();
            foreach (var item in items)
            {
                writeItem(item);
            }

            w.WriteEndArray();
        }

        private static void WriteModelRef(JsonTextWriter w, ModelRef r)
        {
            w.WriteStartObject();
            Prop(w, "model", r.Model);
            Prop(w, "version", r.Version);
            w.WriteEndObject();
        }

        private static void Prop(JsonTextWriter w, string name, string? value)
        {
            if (value is null)
            {
                return;
            }

            w.WritePropertyName(name);
            w.WriteValue(value);
        }

        private static void Prop(JsonTextWriter w, string name, DateTime? value)
        {
            if (value is DateTime d)
            {
                w.WritePropertyName(name);
                w.WriteValue(Date(d));
            }
        }

        private static string Date(DateTime d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
