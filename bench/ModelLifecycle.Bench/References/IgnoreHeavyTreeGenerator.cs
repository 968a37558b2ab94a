using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace ModelLifecycle.Bench.References
{
    /// <summary>
    /// A tree shaped like a large multi-language SDK repository with a long .gitignore: about 5,000 small
    /// files in nested package folders and a root .gitignore of about 300 rules of the usual kinds
    /// (extension globs, directory names, anchored paths, <c>**</c> patterns, plain names, prefixes and
    /// negations), plus a short nested .gitignore in every package. Many files sit where a rule excludes
    /// them, and every kind of file, ignored or not, may name a model id, so a wrong ignore decision shows
    /// up as a different match set. Deterministic (one fixed seed).
    /// </summary>
    internal sealed class IgnoreHeavyTreeGenerator
    {
        private const int Version = 2;
        private const int Packages = 28;
        private const int ModulesPerPackage = 7;

        private static readonly string[] Extensions =
        {
            "pyc", "pyo", "pyd", "so", "dll", "exe", "pdb", "cache", "suo", "user", "userosscache", "sln.docstates",
            "log", "tmp", "bak", "swp", "swo", "class", "jar", "war", "o", "obj", "a", "lib", "egg", "whl",
            "coverage", "lcov", "tsbuildinfo", "nupkg", "snupkg", "vsix", "ipch", "aps", "ncb", "opendb", "sdf",
            "psess", "vsp", "vspx", "dbmdl", "pfx", "publishsettings", "mo", "pot", "sage.py", "rdb", "mdf", "ldf",
            "ndf", "rptproj.bak", "btp.cs", "btm.cs", "odx.cs", "xsd.cs", "dotCover", "tss", "jfm", "ilk", "meta",
        };

        private static readonly string[] Directories =
        {
            "bin", "obj", "__pycache__", "node_modules", ".vs", "dist", "build", "out", ".pytest_cache", ".mypy_cache",
            "TestResults", "artifacts", "packages", ".idea", ".venv", "venv", "env", ".tox", ".nox", "htmlcov",
            "coverage", ".eggs", "wheels", "sdist", "develop-eggs", "downloads", "eggs", "parts", "var", "lib64",
            ".ipynb_checkpoints", "site", ".ropeproject", ".spyderproject", "instance", ".webassets-cache", "target",
            "_build", "ipch", "AppPackages", "BundleArtifacts", "Generated_Code", "_UpgradeReport_Files", "Backup",
            "ClientBin", "~$*", "orleans.codegen", "ServiceFabricBackup", "FakesAssemblies", "GeneratedArtifacts",
            "_Pvt_Extensions", ".paket", ".cr", ".fake", ".ionide", "healthchecksdb", "MigrationBackup", ".localhistory",
            "__blobstorage__", "__queuestorage__",
        };

        private static readonly string[] Names =
        {
            ".env.local", "appsettings.Development.json", "local.settings.json", "secrets.json", "credentials.json",
            "launchSettings.json", "Thumbs.db", "ehthumbs.db", "Desktop.ini", ".DS_Store", "celerybeat-schedule",
            "pip-log.txt", "pip-delete-this-directory.txt", "nosetests.xml", "coverage.xml", ".coverage",
            "db.sqlite3", "db.sqlite3-journal", "local_settings.py", ".python-version", "Pipfile.lock", "poetry.lock",
            "pdm.lock", ".pdm.toml", "dmypy.json", ".pyre", ".pytype", "cython_debug", "mlruns", "wandb",
        };

        private static readonly string[] Words =
        {
            "client", "skill", "kernel", "memory", "planner", "prompt", "plugin", "connector", "embedding", "chat",
            "vector", "store", "filter", "function", "service", "settings", "options", "history", "message", "model",
        };

        private static readonly string[] SourceExtensions = { ".cs", ".cs", ".py", ".py", ".ts", ".md", ".json", ".yaml", ".txt", ".ps1" };

        private readonly string root;

        public IgnoreHeavyTreeGenerator(string root)
        {
            this.root = root;
        }

        /// <summary>The root .gitignore's text (about 300 rules).</summary>
        public static string RootGitIgnore()
        {
            var sb = new StringBuilder("# A long .gitignore of the usual kinds\n");
            sb.Append("\n# extensions\n");
            foreach (string e in Extensions)
            {
                sb.Append("*.").Append(e).Append('\n');
            }

            sb.Append("\n# directories\n");
            foreach (string d in Directories)
            {
                sb.Append(d).Append("/\n");
            }

            sb.Append("\n# names\n");
            foreach (string n in Names)
            {
                sb.Append(n).Append('\n');
            }

            sb.Append("\n# anchored paths\n");
            for (int p = 0; p < Packages; p += 2)
            {
                sb.Append("/src/pkg").Append(p).Append("/samples/output/\n");
                sb.Append("/src/pkg").Append(p).Append("/notes.txt\n");
            }

            for (int i = 0; i < 20; i++)
            {
                sb.Append("/docs/_build").Append(i).Append('\n');
            }

            sb.Append("\n# ** patterns\n");
            for (int i = 0; i < 20; i++)
            {
                sb.Append("**/generated").Append(i).Append("/\n");
                sb.Append("src/**/snapshots").Append(i).Append("/*.json\n");
            }

            sb.Append("**/fixtures/**/*.bin\n");
            sb.Append("**/.cache\n");

            sb.Append("\n# prefixes and other wildcards\n");
            for (int i = 0; i < 20; i++)
            {
                sb.Append("tmp").Append(i).Append("_*\n");
            }

            sb.Append("scratch*\n*~\n*.[Cc]ache\n[Dd]ebug/\n[Rr]elease/\nx64/\nx86/\n*_i.c\n*_p.c\n*.sw?\n");

            sb.Append("\n# re-included\n");
            sb.Append("!keep.tmp\n!important.log\n!Directory.Build.props\n");
            for (int i = 0; i < 10; i++)
            {
                sb.Append("!tmp").Append(i).Append("_keep.txt\n");
            }

            return sb.ToString();
        }

        public static string NestedGitIgnore(int package) =>
            "*.generated.cs\n!Keep.generated.cs\nlocal/\n/fixtures" + package + "/\n*.out\n";

        public static int RuleCount(string text) =>
            text.Split('\n').Count(l => l.Length > 0 && l[0] != '#');

        /// <summary>Writes the tree unless a complete one of this version is there; true if it wrote it.</summary>
        public bool EnsureGenerated()
        {
            string marker = root + ".complete";
            if (Directory.Exists(root) && File.Exists(marker) && File.ReadAllText(marker) == Version.ToString())
            {
                return false;
            }

            if (Directory.Exists(root))
            {
                Directory.Delete(root, true);
            }

            File.Delete(marker);
            Directory.CreateDirectory(Path.Combine(root, ".git"));
            File.WriteAllText(Path.Combine(root, ".git", "HEAD"), "ref: refs/heads/main\n");
            File.WriteAllText(Path.Combine(root, ".gitignore"), RootGitIgnore());
            var random = new Random(20261130);
            int count = 0;
            for (int p = 0; p < Packages; p++)
            {
                string package = Path.Combine(root, "src", "pkg" + p);
                Directory.CreateDirectory(package);
                File.WriteAllText(Path.Combine(package, ".gitignore"), NestedGitIgnore(p));
                Write(random, Path.Combine(package, "notes.txt"), ref count);
                Write(random, Path.Combine(package, "Directory.Build.props"), ref count);
                for (int m = 0; m < ModulesPerPackage; m++)
                {
                    string module = Path.Combine(package, Words[(p + m) % Words.Length] + m);
                    for (int f = 0; f < 8; f++)
                    {
                        string name = Words[random.Next(Words.Length)] + "_" + f + SourceExtensions[random.Next(SourceExtensions.Length)];
                        Write(random, Path.Combine(module, name), ref count);
                    }

                    // A few files a rule excludes, or re-includes, beside the sources.
                    for (int k = 0; k < 4; k++)
                    {
                        string name = random.Next(6) switch
                        {
                            0 => Words[random.Next(Words.Length)] + "." + Extensions[random.Next(Extensions.Length)],
                            1 => Names[random.Next(Names.Length)],
                            2 => "tmp" + random.Next(24) + "_" + (random.Next(3) == 0 ? "keep.txt" : "data.txt"),
                            3 => random.Next(2) == 0 ? "keep.tmp" : "important.log",
                            4 => random.Next(2) == 0 ? "Model.generated.cs" : "Keep.generated.cs",
                            _ => "scratch" + k + ".md",
                        };
                        Write(random, Path.Combine(module, name), ref count);
                    }

                    // Nested folders, some of them excluded by name, by ** or by the package's own rules.
                    string sub = random.Next(5) switch
                    {
                        0 => Directories[random.Next(Directories.Length)].Replace("~$*", "tilde"),
                        1 => "generated" + random.Next(24),
                        2 => "snapshots" + random.Next(24),
                        3 => "local",
                        _ => "impl",
                    };
                    for (int f = 0; f < 5; f++)
                    {
                        string ext = sub.StartsWith("snapshots", StringComparison.Ordinal) ? ".json" : SourceExtensions[random.Next(SourceExtensions.Length)];
                        Write(random, Path.Combine(module, sub, Words[random.Next(Words.Length)] + f + ext), ref count);
                        Write(random, Path.Combine(module, sub, "inner", "deep" + f + ext), ref count);
                    }
                }

                if (p % 2 == 0)
                {
                    for (int f = 0; f < 4; f++)
                    {
                        Write(random, Path.Combine(package, "samples", "output", "result" + f + ".json"), ref count);
                        Write(random, Path.Combine(package, "samples", "input" + f + ".json"), ref count);
                    }
                }

                for (int f = 0; f < 3; f++)
                {
                    Write(random, Path.Combine(package, "fixtures" + p, "case" + f + ".txt"), ref count);
                    Write(random, Path.Combine(package, "fixtures" + ((p + 1) % Packages), "case" + f + ".txt"), ref count);
                    Write(random, Path.Combine(package, "fixtures", "set" + f, "blob.bin"), ref count);
                    Write(random, Path.Combine(package, "fixtures", "set" + f, "blob.txt"), ref count);
                }
            }

            for (int i = 0; i < 24; i++)
            {
                Write(random, Path.Combine(root, "docs", "_build" + i, "index.md"), ref count);
                Write(random, Path.Combine(root, "docs", "guide" + i + ".md"), ref count);
            }

            File.WriteAllText(marker, Version.ToString());
            return true;
        }

        private static void Write(Random random, string path, ref int count)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            string[] mentions = BenchPatterns.Mentions();
            var sb = new StringBuilder();
            int lines = 4 + random.Next(40);
            for (int i = 0; i < lines; i++)
            {
                switch (random.Next(12))
                {
                    case 0:
                        sb.Append("    \"model\": \"").Append(mentions[random.Next(mentions.Length)]).Append("\",\n");
                        break;
                    case 1:
                        sb.Append("# near miss ").Append(BenchPatterns.NearMisses[random.Next(BenchPatterns.NearMisses.Length)]).Append('\n');
                        break;
                    default:
                        sb.Append("    var ").Append(Words[random.Next(Words.Length)]).Append(i).Append(" = ")
                            .Append(Words[random.Next(Words.Length)]).Append(".Get(").Append(random.Next(1000)).Append(");\n");
                        break;
                }
            }

            File.WriteAllText(path, sb.ToString());
            count++;
        }
    }
}
