namespace Rsis.Portal.Application.Site.UpdateSiteSettings;

/// <summary>
/// Saves the header and footer text (or an earlier version of it). Every public page shows it, so the whole site's
/// cached pages are evicted. Refused, with the typed values kept, when someone saved the settings screen (its text
/// or a footer link, which share the token) after the form was opened.
/// </summary>
public sealed record UpdateSiteSettings : SiteSettingsFields, IUpdates, ICommand<bool>, IChangesPublicPages
{
    public UpdateSiteSettings(Guid concurrencyToken, SiteSettingsFields fields) : base(fields)
    {
        ConcurrencyToken = concurrencyToken;
    }

    public int Id => SiteSettings.SingletonId;
    public Guid ConcurrencyToken { get; }
    public int? Restores { get; init; }

    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Site];
}

public sealed class UpdateSiteSettingsValidator : AbstractValidator<UpdateSiteSettings>
{
    public UpdateSiteSettingsValidator()
    {
        Required(RuleFor(c => c.SchoolName), "the school’s name", 200);
        Required(RuleFor(c => c.Tagline), "the tagline", 200);
        Required(RuleFor(c => c.Motto), "the motto", 200);
        Required(RuleFor(c => c.UniversityName), "the university’s name", 200);
        Required(RuleFor(c => c.Address), "the address", 1000);
        Required(RuleFor(c => c.Copyright), "the copyright line", 400);
        Required(RuleFor(c => c.CookieNotice), "the cookie notice", 1000);
        RuleFor(c => c.DirectionsUrl).Cascade(CascadeMode.Stop)
            .MaximumLength(2000).WithMessage("The directions address can be at most 2,000 characters.")
            .Must(SiteUrl.IsAllowed).When(c => !string.IsNullOrWhiteSpace(c.DirectionsUrl)).WithMessage(SiteUrl.Rule);
        RuleFor(c => c.ContactEmail).Cascade(CascadeMode.Stop)
            .MaximumLength(254).WithMessage("The contact email can be at most 254 characters.")
            .EmailAddress().When(c => !string.IsNullOrWhiteSpace(c.ContactEmail), ApplyConditionTo.CurrentValidator)
            .WithMessage("Enter the contact email as an address like name@example.org, or leave it empty.");
        RuleFor(c => c.PromoTitle)
            .MaximumLength(200).WithMessage("The promo title can be at most 200 characters.")
            .Must(t => !string.IsNullOrWhiteSpace(t)).When(c => !string.IsNullOrWhiteSpace(c.PromoUrl), ApplyConditionTo.CurrentValidator)
            .WithMessage("Enter the promo’s title too, or clear its link to hide the promo.");
        RuleFor(c => c.PromoUrl).Cascade(CascadeMode.Stop)
            .Must(u => !string.IsNullOrWhiteSpace(u)).When(c => !string.IsNullOrWhiteSpace(c.PromoTitle), ApplyConditionTo.CurrentValidator)
            .WithMessage("Enter the promo’s link too, or clear its title to hide the promo.")
            .MaximumLength(2000).WithMessage("The promo link can be at most 2,000 characters.")
            .Must(SiteUrl.IsAllowed).When(c => !string.IsNullOrWhiteSpace(c.PromoUrl), ApplyConditionTo.CurrentValidator).WithMessage(SiteUrl.Rule);
    }

    private static void Required(IRuleBuilderInitial<UpdateSiteSettings, string> rule, string what, int maxLength) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage($"Enter {what}.")
            .MaximumLength(maxLength).WithMessage($"{char.ToUpperInvariant(what[0])}{what[1..]} can be at most {maxLength:N0} characters.");
}

public sealed class UpdateSiteSettingsHandler(ItemEditor editor) : ICommandHandler<UpdateSiteSettings, bool>
{
    public async ValueTask<bool> Handle(UpdateSiteSettings command, CancellationToken cancellationToken) =>
        await editor.UpdateAsync(SiteSettingsKind.Instance, command, command, cancellationToken);
}
