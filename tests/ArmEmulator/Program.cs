using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace ModelLifecycle.ArmEmulator
{
    /// <summary>
    /// Runs the emulator as a process for Pester and benchmarks. The first stdout line is the one
    /// callers wait for; nothing else is written to stdout, and the token is never printed.
    /// </summary>
    public static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            CommandLine command;
            Fleet fleet;
            try
            {
                command = CommandLine.Parse(args);
                if (command.Help)
                {
                    Console.Out.WriteLine(CommandLine.Usage);
                    return 0;
                }

                fleet = command.Generate is var (subscriptions, accounts, deployments, seed)
                    ? Fleet.Generate(subscriptions, accounts, deployments, seed)
                    : Fleet.Load(command.FleetPath ?? Path.Combine(AppContext.BaseDirectory, "fleets", "sample-fleet.json"));
            }
            catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException or Newtonsoft.Json.JsonException)
            {
                Console.Error.WriteLine("ArmEmulator: " + ex.Message);
                Console.Error.WriteLine(CommandLine.Usage);
                return 2;
            }

            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(fleet, command.ToOptions()).ConfigureAwait(false);
            Console.Out.WriteLine("Listening on " + server.BaseUri.AbsoluteUri);
            Console.Out.Flush();

            var signalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using PosixSignalRegistration term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            Task stdinClosed = command.IgnoreStdin || StdinIsNullDevice() ? Task.Delay(System.Threading.Timeout.Infinite) : Task.Run(DrainStdin);
            await Task.WhenAny(stdinClosed, server.ShutdownRequested, signalled.Task).ConfigureAwait(false);
            return 0;

            void Stop(PosixSignalContext context)
            {
                // Let Main stop Kestrel and return, instead of the runtime ending the process mid-request.
                context.Cancel = true;
                signalled.TrySetResult();
            }
        }

        // A process started with no standard input (as CI runs do) reads /dev/null, which is "closed"
        // at once; stopping then would make the emulator useless, so it serves until stopped otherwise.
        private static bool StdinIsNullDevice()
        {
            try
            {
                return OperatingSystem.IsLinux() && File.ResolveLinkTarget("/proc/self/fd/0", returnFinalTarget: false)?.FullName == "/dev/null";
            }
            catch (IOException)
            {
                return false;
            }
            catch (UnauthorizedAccessException)
            {
                return false;
            }
        }

        // The parent holds our stdin open while it wants us; end of input means it has gone.
        private static void DrainStdin()
        {
            using Stream stdin = Console.OpenStandardInput();
            var buffer = new byte[256];
            while (stdin.Read(buffer, 0, buffer.Length) > 0)
            {
            }
        }
    }
}
