namespace Rsis.Portal.Web.Configuration;

public static class MediatorConfig
{
    /// <summary>
    /// The one mediator registration. Scoped, because handlers use the scoped DbContext; the behaviours
    /// run in the order listed: logging outermost, then validation, then (for commands that change public
    /// pages) output-cache eviction after the handler has succeeded.
    /// </summary>
    public static IServiceCollection AddPortalMediator(this IServiceCollection services) =>
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(Rsis.Portal.Application.DependencyInjection)];
            options.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>), typeof(CacheEvictionBehavior<,>)];
        });
}
