using System;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;

namespace NomosMeters.RetryBridge
{
    /// <summary>
    /// Retries an asynchronous call with Polly's retry strategy: exponential backoff with jitter, or the
    /// server's delay when the call's rules name one. Thread-safe; one per connection.
    /// </summary>
    public sealed class RetryPipeline
    {
        private static readonly ResiliencePropertyKey<IRetryRules> RulesKey = new ResiliencePropertyKey<IRetryRules>("nomos.retry-rules");

        private readonly ResiliencePipeline _pipeline;

        public RetryPipeline(RetrySettings settings)
        {
            _pipeline = settings.MaxRetries <= 0 ? ResiliencePipeline.Empty : Build(settings);
        }

        /// <summary>Runs <paramref name="attempt"/> until it succeeds, <paramref name="rules"/> give up or retries run out.</summary>
        public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> attempt, IRetryRules rules, CancellationToken cancellationToken)
        {
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(RulesKey, rules);
            try
            {
                return await _pipeline.ExecuteAsync(
                    async ctx => await attempt(ctx.CancellationToken).ConfigureAwait(false),
                    context).ConfigureAwait(false);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }

        private static ResiliencePipeline Build(RetrySettings settings)
            => new ResiliencePipelineBuilder { TimeProvider = settings.Time }
                .AddRetry(new RetryStrategyOptions
                {
                    MaxRetryAttempts = settings.MaxRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = settings.BaseDelay,
                    MaxDelay = settings.MaxDelay,
                    ShouldHandle = args => new ValueTask<bool>(
                        args.Outcome.Exception is Exception failure && Rules(args.Context).ShouldRetry(failure)),
                    DelayGenerator = args => new ValueTask<TimeSpan?>(
                        args.Outcome.Exception is Exception failure ? Rules(args.Context).ServerDelay(failure) : null),
                    OnRetry = args =>
                    {
                        if (args.Outcome.Exception is Exception failure)
                        {
                            Rules(args.Context).OnRetry(failure, args.AttemptNumber + 1, args.RetryDelay);
                        }

                        return default;
                    },
                })
                .Build();

        private static IRetryRules Rules(ResilienceContext context) => context.Properties.GetValue(RulesKey, null!);
    }
}
