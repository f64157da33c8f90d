using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Rsis.Portal.Application.Common.Text;

namespace Rsis.Portal.Application;

public static class DependencyInjection
{
    /// <summary>The use cases' own services. The mediator itself is registered by the web project.</summary>
    public static IServiceCollection AddPortalApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Scoped);
        services.AddSingleton<MarkdownRenderer>();
        return services;
    }
}
