using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common.Auditing;
using Rsis.Portal.Application.Common.Caching;
using Rsis.Portal.Application.Common.Interfaces;
using Rsis.Portal.Domain.Auditing;
using Rsis.Portal.Domain.Site;

namespace Rsis.Portal.Application.Site.UpdateSiteSettings;

/// <summary>
/// Saves the header and footer text. Every public page shows it, so the whole site's cached pages are evicted.
/// Refused, with the typed values kept, when someone saved the settings screen after the form was opened.
/// </summary>
public sealed record UpdateSiteSettings : ICommand<bool>, IChangesPublicPages
{
    public Guid ConcurrencyToken { get; init; }
    public string SchoolName { get; init; } = "";
    public string Tagline { get; init; } = "";
    public string Motto { get; init; } = "";
    public string UniversityName { get; init; } = "";
    public string Address { get; init; } = "";
    public string DirectionsUrl { get; init; } = "";
    public string Copyright { get; init; } = "";
    public string CookieNotice { get; init; } = "";

    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Site];
}

public sealed class UpdateSiteSettingsValidator : AbstractValidator<UpdateSiteSettings>
{
    public UpdateSiteSettingsValidator()
    {
        RuleFor(c => c.ConcurrencyToken).NotEmpty().WithMessage(SiteEditing.LostTrack);
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
    }

    private static void Required(IRuleBuilderInitial<UpdateSiteSettings, string> rule, string what, int maxLength) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage($"Enter {what}.")
            .MaximumLength(maxLength).WithMessage($"{char.ToUpperInvariant(what[0])}{what[1..]} can be at most {maxLength:N0} characters.");
}

public sealed class UpdateSiteSettingsHandler(IPortalDbContext db, TimeProvider clock, ICurrentUser currentUser) : ICommandHandler<UpdateSiteSettings, bool>
{
    public async ValueTask<bool> Handle(UpdateSiteSettings command, CancellationToken cancellationToken)
    {
        var settings = await SiteEditing.CheckAndRenewTokenAsync(db, clock, command.ConcurrencyToken, cancellationToken);
        var changes = new ChangeList();
        settings.SchoolName = Set(changes, "School name", settings.SchoolName, command.SchoolName.Trim());
        settings.Tagline = Set(changes, "Tagline", settings.Tagline, command.Tagline.Trim());
        settings.Motto = Set(changes, "Motto", settings.Motto, command.Motto.Trim());
        settings.UniversityName = Set(changes, "University name", settings.UniversityName, command.UniversityName.Trim());
        settings.Address = Set(changes, "Address", settings.Address, SiteEditing.NormaliseLines(command.Address));
        settings.DirectionsUrl = Set(changes, "Directions address", settings.DirectionsUrl, command.DirectionsUrl.Trim());
        settings.Copyright = Set(changes, "Copyright", settings.Copyright, command.Copyright.Trim());
        settings.CookieNotice = Set(changes, "Cookie notice", settings.CookieNotice, command.CookieNotice.Trim());
        if (changes.IsEmpty)
        {
            return true;
        }

        db.AuditEntries.Add(changes.ToEntry(
            nameof(SiteSettings), SiteSettings.SingletonId.ToString(System.Globalization.CultureInfo.InvariantCulture), "Header and footer",
            AuditAction.Updated, currentUser.Name, clock.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw await SiteEditing.ConflictAsync(db, clock, cancellationToken);
        }

        return true;
    }

    private static string Set(ChangeList changes, string field, string oldValue, string newValue)
    {
        changes.Value(field, oldValue, newValue);
        return newValue;
    }
}
