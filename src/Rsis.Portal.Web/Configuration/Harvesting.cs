using Rsis.Portal.Web.Harvesting;

namespace Rsis.Portal.Web.Configuration;

/// <summary>The <c>Harvesting</c> configuration section: OAI-PMH at <c>/oai</c>.</summary>
public sealed class HarvestingOptions
{
    public const string SectionName = "Harvesting";

    /// <summary>
    /// Whom harvesters write to about the repository (Identify's <c>adminEmail</c>). Unset, it is
    /// <c>webmaster@</c> the public host.
    /// </summary>
    public string? AdminEmail { get; set; }

    public string AdminEmailFor(string baseUrl) =>
        string.IsNullOrWhiteSpace(AdminEmail) ? "webmaster@" + new Uri(baseUrl).Host : AdminEmail.Trim();
}

public static class HarvestingConfig
{
    public static IServiceCollection AddHarvesting(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<HarvestingOptions>(configuration.GetSection(HarvestingOptions.SectionName));
        return services.AddSingleton<ResumptionTokens>().AddScoped<OaiPmhResponder>();
    }
}
