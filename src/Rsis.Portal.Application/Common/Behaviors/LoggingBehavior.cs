using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Rsis.Portal.Application.Common.Behaviors;

/// <summary>Logs every message with its handling time; a failure is logged once, here.</summary>
public sealed class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            logger.LogDebug("Handled {MessageName} in {ElapsedMs:0.0} ms",
                typeof(TMessage).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (FluentValidation.ValidationException exception)
        {
            logger.LogInformation("{MessageName} was rejected: {Errors}",
                typeof(TMessage).Name, string.Join("; ", exception.Errors.Select(e => e.ErrorMessage)));
            throw;
        }
    }
}
