using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Rsis.Portal.Application;

public static class DependencyInjection
{
    /// <summary>The use cases' own services. The mediator itself is registered by the web project.</summary>
    public static IServiceCollection AddPortalApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Scoped);
        services.AddSingleton<MarkdownRenderer>();
        services.AddScoped<Publications.GetPublicationPdf.TypesetPdfStore>();
        services.AddSingleton<Publications.GetSocialCard.SocialCardStore>();
        services.AddScoped<Common.Editing.ItemEditor>();
        // The editable types, for the history screens, which know them by name only.
        services.AddSingleton<Common.Editing.IEditableKind>(Publications.PublicationKind.Instance);
        services.AddSingleton<Common.Editing.IEditableKind>(Pages.PageKind.Instance);
        services.AddSingleton<Common.Editing.IEditableKind>(Authors.AuthorKind.Instance);
        services.AddSingleton<Common.Editing.IEditableKind>(Categories.CategoryKind.Instance);
        services.AddSingleton<Common.Editing.IEditableKind>(PublicationSeries.SeriesKind.Instance);
        services.AddSingleton<Common.Editing.IEditableKind>(Site.SiteSettingsKind.Instance);
        // Events read and write times on the site's clock (ISiteZone, from the web layer).
        services.AddSingleton<Events.EventKind>();
        services.AddSingleton<Common.Editing.IEditableKind>(sp => sp.GetRequiredService<Events.EventKind>());
        services.AddSingleton<Navigation.MenuEntryKind>();
        services.AddSingleton<Common.Editing.IEditableKind>(sp => sp.GetRequiredService<Navigation.MenuEntryKind>());
        services.AddSingleton<Subscriptions.SubscriptionLinks>();
        services.AddSingleton<Subscriptions.SubscriptionMail>();
        services.AddSingleton<Subscriptions.IAnnouncedItems, Subscriptions.PublicationAnnouncements>();
        services.AddSingleton<Subscriptions.IAnnouncedItems, Events.EventAnnouncements>();
        // The web layer keeps shared data between requests; anywhere else it is loaded every time.
        services.TryAddSingleton<ISharedDataCache, NoSharedDataCache>();
        return services;
    }
}
