namespace Rsis.Portal.Application.Site.SetPromoImage;

/// <summary>
/// Gives the home page's "Latest Book / more info" promo a picture (or replaces it). Checked by decoding it, not
/// by its name; the settings screen's token is renewed, as by any save of the screen.
/// </summary>
public sealed record SetPromoImage(string FileName, byte[] Content) : ICommand<bool>, IChangesPublicPages
{
    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Site];
}

public sealed class SetPromoImageValidator : AbstractValidator<SetPromoImage>
{
    public SetPromoImageValidator(IUploadedImageInspector inspector)
    {
        RuleFor(c => c.Content).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Choose a picture to upload.")
            .Must(content => content.Length <= SiteSettings.MaxPromoImageBytes)
            .WithMessage($"The picture is larger than {SiteSettings.MaxPromoImageBytes / (1024 * 1024)} MB. Save it smaller (a cover needs no more than about 1,000 pixels across) and upload that.")
            // Decoded only once it is small enough: decoding is the costly check.
            .Custom((content, context) =>
            {
                if (Problem(inspector.Inspect(content)) is { } problem)
                {
                    context.AddFailure(problem);
                }
            });
        RuleFor(c => c.FileName).MaximumLength(260);
    }

    private static string? Problem(UploadedImage? image) => image switch
    {
        null => "This file is not a picture the site can show: upload a PNG, JPEG or WebP image.",
        { Width: > SiteSettings.MaxPromoImageSide } or { Height: > SiteSettings.MaxPromoImageSide } =>
            $"The picture is {image.Width:N0} × {image.Height:N0} pixels; at most {SiteSettings.MaxPromoImageSide:N0} on each side is accepted. Save it smaller and upload that.",
        _ => null,
    };
}

public sealed class SetPromoImageHandler(IPortalDbContext db, IUploadedImageInspector inspector, TimeProvider clock, ICurrentUser currentUser)
    : ICommandHandler<SetPromoImage, bool>
{
    public async ValueTask<bool> Handle(SetPromoImage command, CancellationToken cancellationToken)
    {
        var image = inspector.Inspect(command.Content)
            ?? throw new InvalidOperationException("The validator lets only pictures through.");
        var settings = await db.SiteSettings.SingleAsync(cancellationToken);
        PromoImages.Audit(db, clock, currentUser, settings, $"{Path.GetFileName(command.FileName)} ({image.Width} × {image.Height}, {FileSizes.DescribeExactly(command.Content.Length)})");
        settings.PromoImage = command.Content;
        settings.PromoImageContentType = image.ContentType;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

/// <summary>What the promo picture's two commands share: the audit line that says what was there and what is now.</summary>
internal static class PromoImages
{
    public static void Audit(IPortalDbContext db, TimeProvider clock, ICurrentUser currentUser, SiteSettings settings, string now)
    {
        var changes = new ChangeList();
        changes.Value("Promo picture", Describe(settings), now);
        db.AuditEntries.Add(changes.ToEntry(
            nameof(SiteSettings), SiteSettings.SingletonId.ToString(CultureInfo.InvariantCulture), SiteSettingsKind.Instance.LabelOf(settings),
            AuditAction.Updated, currentUser.Name, clock.GetUtcNow().UtcDateTime));
    }

    private static string Describe(SiteSettings settings) =>
        settings.PromoImage is { } content ? $"{settings.PromoImageContentType} ({FileSizes.DescribeExactly(content.Length)})" : "";
}
