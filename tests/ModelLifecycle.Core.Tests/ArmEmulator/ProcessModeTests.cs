using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Threading.Tasks;
using Xunit;

namespace ModelLifecycle.Core.Tests.ArmEmulator
{
    /// <summary>The emulator as Pester and benchmarks start it: dotnet ArmEmulator.dll, first line, serve, stop.</summary>
    public sealed class ProcessModeTests
    {
        private const string Token = "process-token-51d2";

        [Fact]
        public async Task The_process_prints_its_address_serves_and_stops_when_stdin_closes()
        {
            using Process process = Start("--page-size", "1", "--token", Token);
            try
            {
                Uri baseUri = await ReadAddressAsync(process);
                using var http = new EmulatorHttp(baseUri, Token);
                EmulatorHttp.Reply subscriptions = await http.GetAsync("/subscriptions?api-version=2022-12-01");
                Assert.Equal(HttpStatusCode.OK, subscriptions.Status);
                Assert.NotNull(subscriptions.Json["nextLink"]);
                using var wrong = new EmulatorHttp(baseUri, "another-token");
                Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/subscriptions?api-version=2022-12-01")).Status);
                Assert.Equal(2, (long?)(await http.GetAsync("/_emulator/counters")).Json["total"]);

                process.StandardInput.Close();
                Assert.True(await ExitedAsync(process), "The emulator did not stop after stdin closed.");
                Assert.Equal(0, process.ExitCode);
                string rest = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
                Assert.DoesNotContain(Token, rest, StringComparison.Ordinal);
            }
            finally
            {
                Kill(process);
            }
        }

        [Fact]
        public async Task The_process_serves_a_generated_fleet_and_stops_on_the_admin_shutdown_call()
        {
            using Process process = Start("--generate", "1x2x3:5", "--ignore-stdin", "--latency-ms", "1");
            try
            {
                using var http = new EmulatorHttp(await ReadAddressAsync(process));
                ModelLifecycle.ArmEmulator.Fleet served = ModelLifecycle.ArmEmulator.Fleet.Parse((await http.GetAsync("/_emulator/fleet")).Text);
                Assert.Equal(2, served.Subscriptions[0].ResourceGroups[0].Accounts.Count);
                Assert.Equal(HttpStatusCode.Accepted, (await http.SendAsync(System.Net.Http.HttpMethod.Post, "/_emulator/shutdown")).Status);
                Assert.True(await ExitedAsync(process), "The emulator did not stop after /_emulator/shutdown.");
            }
            finally
            {
                Kill(process);
            }
        }

        [Fact]
        public async Task Bad_arguments_exit_with_2_and_a_message_on_stderr()
        {
            using Process process = Start("--page-size", "many");
            string error = await process.StandardError.ReadToEndAsync();
            Assert.True(await ExitedAsync(process));
            Assert.Equal(2, process.ExitCode);
            Assert.Contains("--page-size", error, StringComparison.Ordinal);
        }

        private static Process Start(params string[] args)
        {
            string dll = Path.Combine(AppContext.BaseDirectory, "ArmEmulator.dll");
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(dll);
            if (Array.IndexOf(args, "--generate") < 0)
            {
                start.ArgumentList.Add("--fleet");
                start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "fleets", "sample-fleet.json"));
            }

            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            return Process.Start(start) ?? throw new InvalidOperationException("The emulator process did not start.");
        }

        private static async Task<Uri> ReadAddressAsync(Process process)
        {
            Task<string?> line = process.StandardOutput.ReadLineAsync();
            Task finished = await Task.WhenAny(line, Task.Delay(TimeSpan.FromSeconds(30)));
            Assert.True(finished == line, "The emulator printed nothing within 30 s.");
            string first = (await line) ?? throw new Xunit.Sdk.XunitException("The emulator exited: " + await process.StandardError.ReadToEndAsync());
            Assert.Matches(@"^Listening on http://127\.0\.0\.1:\d+/$", first);
            return new Uri(first.Substring("Listening on ".Length));
        }

        private static async Task<bool> ExitedAsync(Process process)
        {
            Task exit = process.WaitForExitAsync();
            return await Task.WhenAny(exit, Task.Delay(TimeSpan.FromSeconds(15))) == exit;
        }

        private static void Kill(Process process)
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }
}
