using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ModelLifecycle.Core;

namespace ModelLifecycle.Commands
{
    /// <summary>
    /// For cmdlets whose Core work runs concurrently (ARM requests in flight). The work runs on the
    /// thread pool; everything that must happen on the pipeline thread (WriteObject, WriteError,
    /// progress, and calls into Az.Accounts in the caller's runspace) goes through a
    /// <see cref="PipelinePump"/>. Ctrl+C cancels the work's token. Writes that reach the pump too late to
    /// run on the pipeline thread are dropped, and their number is said in one debug line.
    /// </summary>
    public abstract class AsyncModelLifecycleCmdlet : ModelLifecycleCmdlet
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private readonly PipelinePump _pump = new PipelinePump();

        protected CancellationToken StopToken => _stopping.Token;

        protected override void StopProcessing() => _stopping.Cancel();

        /// <summary>Runs the work and pumps its writes until it ends; Core errors that end it are terminating, Ctrl+C ends quietly.</summary>
        protected void RunPipelineWork(Func<CancellationToken, Task> work)
        {
            try
            {
                _pump.Run(() => work(_stopping.Token), _stopping.Cancel);
                var dropped = _pump.TakeDropped();
                if (dropped > 0)
                {
                    WriteDebug($"{dropped} write(s) arrived after the work had ended or while it was stopping, and were dropped.");
                }
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            catch (ModelLifecycleException ex)
            {
                Terminate(ex);
            }
        }

        /// <summary>The caller's Az session; ends the command with one clear error when it cannot be had.</summary>
        internal Azure.PowerShellAzureSession ConnectAzure(object? defaultProfile)
        {
            try
            {
                return Azure.PowerShellAzureSession.Connect(this, defaultProfile);
            }
            catch (ModelLifecycleException ex)
            {
                Terminate(ex);
                throw; // not reached: Terminate throws
            }
        }

        /// <summary>Writes an output object from any thread.</summary>
        protected void Emit(object value) => Dispatch(() => WriteObject(value));

        protected override void Dispatch(Action write) => _pump.Post(write, _stopping.Token);

        /// <summary>Runs <paramref name="func"/> on the pipeline thread (Az.Accounts calls) and awaits it from any thread.</summary>
        internal Task<T> OnPipelineAsync<T>(Func<T> func) => _pump.InvokeAsync(func, _stopping.Token);
    }
}
