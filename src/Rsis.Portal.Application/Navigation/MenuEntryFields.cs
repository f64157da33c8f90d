using FluentValidation.Results;
using DisplayAttribute = System.ComponentModel.DataAnnotations.DisplayAttribute;

namespace Rsis.Portal.Application.Navigation;

/// <summary>What staff fill in for a menu entry: the add and update commands derive from it, and each version stores it.</summary>
public record MenuEntryFields
{
    public string Title { get; init; } = "";

    /// <summary>The entry's own section page, <c>/{slug}</c>; empty to make one from the title.</summary>
    public string Slug { get; init; } = "";

    /// <summary>The entry it sits under; null at the top level.</summary>
    [Display(Name = "place in the menu")]
    public int? ParentId { get; init; }
    [Display(Name = "choice of what the entry opens")]
    public MenuTargetKind TargetKind { get; init; }
    public int? SeriesId { get; init; }
    [Display(Name = "content page")]
    public int? PageId { get; init; }
    [Display(Name = "author")]
    public int? AuthorId { get; init; }
    [Display(Name = "category")]
    public int? CategoryId { get; init; }

    /// <summary>A publication is chosen by its code, such as CO13046.</summary>
    public string PublicationCode { get; init; } = "";
    public string Url { get; init; } = "";
    [Display(Name = "answer for “Shown to readers”")]
    public bool IsVisible { get; init; } = true;
}

/// <summary>The rules of <see cref="MenuEntryFields"/>; messages are written for the person at the form.</summary>
public abstract class MenuEntryFieldsValidator<T> : AbstractValidator<T> where T : MenuEntryFields
{
    protected MenuEntryFieldsValidator(IPortalDbContext db, IReservedAddresses reserved)
    {
        RuleFor(c => c.Title).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Enter a title.")
            .MaximumLength(MenuWriting.MaxTitleLength).WithMessage($"A title can be at most {MenuWriting.MaxTitleLength} characters.");

        RuleFor(c => c.Slug).Cascade(CascadeMode.Stop)
            .Must(s => Common.Text.Slug.IsWellFormed(s.Trim()))
            .WithMessage($"An address has only lower-case letters, digits and hyphens, such as staff-profiles, and at most {Common.Text.Slug.MaxLength} characters.")
            .Must((c, s) => !MenuWriting.ShowsItsSectionPage(c.TargetKind) || !reserved.IsReserved(s.Trim()))
            .WithMessage(c => $"/{c.Slug.Trim()} is one of the site's own addresses, where this entry's section page could never be opened; choose another.")
            .MustAsync(async (command, slug, cancellationToken) =>
            {
                slug = slug.Trim();
                // Entries keep the address they have, even where the seeded menu repeats one ("RSIS Alumni").
                if (await StoredSlugAsync(db, EditedItems.IdOf(command), cancellationToken) == slug)
                {
                    return true;
                }

                var id = EditedItems.IdOf(command);
                return !await db.MenuItems.AnyAsync(m => m.Slug == slug && m.Id != id, cancellationToken)
                    && !await db.Pages.AnyAsync(p => p.Slug == slug, cancellationToken);
            })
            .WithMessage(c => $"The address /{c.Slug.Trim()} is already used by another menu entry or content page; section pages need one of their own.")
            .When(c => !string.IsNullOrWhiteSpace(c.Slug));

        RuleFor(c => c.ParentId).CustomAsync(async (parentId, context, cancellationToken) =>
        {
            if (parentId is null)
            {
                return;
            }

            var outline = await MenuOutline.LoadAsync(db, cancellationToken);
            var parent = outline.Find(parentId.Value);
            var id = EditedItems.IdOf(context.InstanceToValidate);
            if (parent is null)
            {
                context.AddFailure("The entry chosen to hold this one no longer exists; choose again.");
            }
            else if (id > 0 && outline.IsWithin(parent.Id, id))
            {
                context.AddFailure("An entry cannot go under itself or under an entry below it; choose another place.");
            }
            else if (outline.DepthOf(parent.Id) + (id > 0 ? outline.HeightOf(id) : 1) > MenuTree.MaxDepth)
            {
                context.AddFailure(id > 0 && outline.HeightOf(id) > 1
                    ? $"The menu has {MenuTree.MaxDepth} levels: under “{parent.Title}”, the entries below this one would be at level {MenuTree.MaxDepth + 1}. Choose a higher place, or move its entries first."
                    : $"The menu has {MenuTree.MaxDepth} levels, and “{parent.Title}” is already at the third; choose a higher place.");
            }
        });

        RuleFor(c => c.TargetKind).IsInEnum().WithMessage("Choose what the entry opens.");

        RuleFor(c => c.SeriesId)
            .MustAsync(async (id, cancellationToken) => id is { } seriesId && await db.Series.AnyAsync(s => s.Id == seriesId, cancellationToken))
            .When(c => c.TargetKind == MenuTargetKind.Series)
            .WithMessage("Choose a series.");

        RuleFor(c => c.PageId)
            .MustAsync(async (id, cancellationToken) => id is { } pageId && await db.Pages.AnyAsync(p => p.Id == pageId, cancellationToken))
            .When(c => c.TargetKind == MenuTargetKind.Page)
            .WithMessage("Choose a page.");

        RuleFor(c => c.AuthorId)
            .MustAsync(async (id, cancellationToken) => id is { } authorId && await db.Authors.AnyAsync(a => a.Id == authorId, cancellationToken))
            .When(c => c.TargetKind == MenuTargetKind.Author)
            .WithMessage("Choose an author.");

        RuleFor(c => c.CategoryId)
            .MustAsync(async (id, cancellationToken) => id is { } categoryId && await db.Categories.AnyAsync(c => c.Id == categoryId, cancellationToken))
            .When(c => c.TargetKind == MenuTargetKind.Category)
            .WithMessage("Choose a category.");

        RuleFor(c => c.PublicationCode).Cascade(CascadeMode.Stop)
            .Must(code => !string.IsNullOrWhiteSpace(code)).WithMessage("Enter the publication's code, such as CO13046.")
            .MaximumLength(40).WithMessage("A code can be at most 40 characters.")
            .MustAsync(async (code, cancellationToken) =>
            {
                var normalised = code.Trim().ToUpperInvariant();
                return await db.Publications.AnyAsync(p => p.Code == normalised, cancellationToken);
            })
            .WithMessage(c => $"No publication has the code {c.PublicationCode.Trim().ToUpperInvariant()}.")
            .When(c => c.TargetKind == MenuTargetKind.Publication);

        RuleFor(c => c.Url).Cascade(CascadeMode.Stop)
            .Must(url => !string.IsNullOrWhiteSpace(url)).WithMessage("Enter the address the entry opens.")
            .MaximumLength(MenuWriting.MaxUrlLength).WithMessage($"An address can be at most {MenuWriting.MaxUrlLength:N0} characters.")
            .Must(url => MenuWriting.IsSafeUrl(url.Trim()))
            .WithMessage("Enter an address starting with https://, http:// or a single / for a page of this site, such as /publications.")
            .When(c => c.TargetKind == MenuTargetKind.Url);
    }

    private static async Task<string?> StoredSlugAsync(IPortalDbContext db, int id, CancellationToken cancellationToken) =>
        id == 0 ? null : await db.MenuItems.Where(m => m.Id == id).Select(m => m.Slug).SingleOrDefaultAsync(cancellationToken);
}

/// <summary>Writing <see cref="MenuEntryFields"/> onto an entry, and what every menu change shares.</summary>
public static class MenuWriting
{
    public const int MaxTitleLength = 200;
    public const int MaxUrlLength = 2000;
    public const string What = "this menu entry";


    /// <summary>
    /// Whether an entry opening <paramref name="target"/> may show its own section page at <c>/{slug}</c>: always
    /// for a section, and for a series, page, publication, author or category once it is deleted (or, for a
    /// publication, not yet published). An entry
    /// that opens an address never does, so its slug may be one the site answers itself (the seeded
    /// "Publications" entry is /publications and opens /publications).
    /// </summary>
    public static bool ShowsItsSectionPage(MenuTargetKind target) => target != MenuTargetKind.Url;

    /// <summary>
    /// An address a reader can safely be sent to: http(s) with a host, or a path of this site starting with one
    /// "/". Refuses <c>javascript:</c>, <c>data:</c>, protocol-relative <c>//host</c> and <c>/\host</c>.
    /// </summary>
    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return false;
        }

        if (url.StartsWith('/'))
        {
            return url.Length == 1 || (url[1] != '/' && url[1] != '\\');
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && !string.IsNullOrEmpty(uri.Host);
    }

    /// <summary>Sets every field, noting each change. The slug is made from the title when left empty, unique among entries.</summary>
    public static async Task<ChangeList> ApplyAsync(
        IPortalDbContext db, IReservedAddresses reserved, MenuItem entry, MenuEntryFields fields, CancellationToken cancellationToken)
    {
        var changes = new ChangeList();
        var outline = await MenuOutline.LoadAsync(db, cancellationToken);
        var title = fields.Title.Trim();
        var slug = string.IsNullOrWhiteSpace(fields.Slug)
            ? await UnusedSlugAsync(db, reserved, title, entry.Id, cancellationToken)
            : fields.Slug.Trim();

        var (seriesId, pageId, publicationId, url) = (default(int?), default(int?), default(int?), default(string?));
        var (authorId, categoryId) = (default(int?), default(int?));
        switch (fields.TargetKind)
        {
            case MenuTargetKind.Series:
                seriesId = fields.SeriesId;
                break;
            case MenuTargetKind.Page:
                pageId = fields.PageId;
                break;
            case MenuTargetKind.Publication:
                var code = fields.PublicationCode.Trim().ToUpperInvariant();
                publicationId = await db.Publications.Where(p => p.Code == code).Select(p => (int?)p.Id).SingleAsync(cancellationToken);
                break;
            case MenuTargetKind.Url:
                url = fields.Url.Trim();
                break;
            case MenuTargetKind.Author:
                authorId = fields.AuthorId;
                break;
            case MenuTargetKind.Category:
                categoryId = fields.CategoryId;
                break;
        }

        changes.Value("Title", entry.Id == 0 ? null : entry.Title, title);
        changes.Value("Address", entry.Id == 0 ? null : "/" + entry.Slug, "/" + slug);
        changes.Value("Under", entry.Id == 0 ? null : ParentLabel(outline, entry.ParentId), ParentLabel(outline, fields.ParentId));
        changes.Value("Visible", entry.Id == 0 ? null : YesNo(entry.IsVisible), YesNo(fields.IsVisible));

        var oldTarget = entry.Id == 0 ? null : outline.Find(entry.Id)?.Target;
        var targetChanged = entry.TargetKind != fields.TargetKind || entry.SeriesId != seriesId || entry.PageId != pageId
            || entry.PublicationId != publicationId || entry.Url != url || entry.Slug != slug
            || entry.AuthorId != authorId || entry.CategoryId != categoryId;

        if (entry.Id == 0 || entry.ParentId != fields.ParentId)
        {
            // A new place: last among the new siblings.
            entry.SortOrder = 1 + await db.MenuItems.Where(m => m.ParentId == fields.ParentId && m.Id != entry.Id)
                .MaxAsync(m => (int?)m.SortOrder, cancellationToken) ?? 1;
        }

        entry.Title = title;
        entry.Slug = slug;
        entry.ParentId = fields.ParentId;
        entry.TargetKind = fields.TargetKind;
        (entry.SeriesId, entry.PageId, entry.PublicationId, entry.Url) = (seriesId, pageId, publicationId, url);
        (entry.AuthorId, entry.CategoryId) = (authorId, categoryId);
        entry.IsVisible = fields.IsVisible;

        if (targetChanged)
        {
            changes.Value("Opens", oldTarget, await DescribeTargetAsync(db, entry, cancellationToken));
        }

        return changes;
    }

    /// <summary>The audit entry of a change to a menu entry; the entry's title labels it.</summary>
    public static AuditEntry Audit(ChangeList changes, MenuItem entry, AuditAction action, string by, DateTime atUtc) =>
        changes.ToEntry(nameof(MenuItem), entry.Id.ToString(CultureInfo.InvariantCulture), entry.Title, action, by, atUtc);

    /// <summary>
    /// A stale token: someone changed the entry after the page was opened. Menu entries record no "changed by",
    /// so the audit log says who and when.
    /// </summary>
    public static async Task<ValidationException> ConflictAsync(
        IPortalDbContext db, MenuItem current, bool fromForm, CancellationToken cancellationToken)
    {
        var entityId = current.Id.ToString(CultureInfo.InvariantCulture);
        var currentToken = current.ConcurrencyToken;
        var last = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(MenuItem) && e.EntityId == entityId)
            .OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id)
            .Select(e => new { e.ChangedBy, e.AtUtc })
            .FirstOrDefaultAsync(cancellationToken);
        if (fromForm && last is not null)
        {
            return EditConflict.For(What, last.ChangedBy, last.AtUtc, currentToken);
        }

        var who = last is null ? "someone else" : $"{last.ChangedBy} at {last.AtUtc:d MMM yyyy HH:mm} UTC";
        var message = fromForm
            ? $"This menu entry was changed by {who}, after you opened it. Your changes have not been saved; they are still in the form. Check the current version, then save again to replace it with yours."
            : $"“{current.Title}” was changed by {who}, after you opened this page, so nothing was done. The menu below shows it as it is now; try again if you still want to.";
        return new ValidationException([
            new ValidationFailure(EditConflict.PropertyName, message) { CustomState = new CurrentConcurrencyToken(currentToken) },
        ]);
    }

    /// <summary>The refusal after the database caught a save that slipped in between: the entry changed or gone.</summary>
    public static async Task<ValidationException> RefusalAsync(IPortalDbContext db, int id, bool fromForm, CancellationToken cancellationToken)
    {
        var current = await db.MenuItems.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        return current is null ? EditConflict.Gone(What) : await ConflictAsync(db, current, fromForm, cancellationToken);
    }

    /// <summary>
    /// Saves <paramref name="entry"/> (its token renewed by the save) and numbers its siblings 1, 2, 3… in
    /// <paramref name="order"/>, in one transaction. The siblings' positions are written without renewing their
    /// tokens: someone editing a sibling's title has not lost anything when it shifts by one place.
    /// </summary>
    public static Task SaveWithOrderAsync(IPortalDbContext db, MenuItem entry, IReadOnlyList<int> order, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            for (var i = 0; i < order.Count; i++)
            {
                var (id, position) = (order[i], i + 1);
                if (id == entry.Id)
                {
                    entry.SortOrder = position;
                }
                else
                {
                    await db.MenuItems.Where(m => m.Id == id && m.SortOrder != position)
                        .ExecuteUpdateAsync(set => set.SetProperty(m => m.SortOrder, position), ct);
                }
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);

    /// <summary>"3 of 7 under About RSIS".</summary>
    public static string PositionLabel(MenuOutline outline, int? parentId, int position, int count) =>
        string.Create(CultureInfo.InvariantCulture, $"{position} of {count} under {ParentLabel(outline, parentId)}");

    public static string ParentLabel(MenuOutline outline, int? parentId) =>
        parentId is { } id ? string.Join(" › ", outline.PathTo(id).Select(r => r.Title)) : "Top level";

    private static string YesNo(bool value) => value ? "Yes" : "No";

    private static async Task<string> UnusedSlugAsync(IPortalDbContext db, IReservedAddresses reserved, string title, int id, CancellationToken cancellationToken)
    {
        var stem = Common.Text.Slug.From(title);
        stem = stem.Length == 0 || reserved.IsReserved(stem) ? ("entry-" + stem).TrimEnd('-') : stem;
        stem = stem[..Math.Min(stem.Length, Common.Text.Slug.MaxLength - 4)];
        var taken = (await db.MenuItems.Where(m => m.Id != id && m.Slug.StartsWith(stem)).Select(m => m.Slug).ToListAsync(cancellationToken))
            .Concat(await db.Pages.Where(p => p.Slug.StartsWith(stem)).Select(p => p.Slug).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var slug = stem;
        for (var n = 2; taken.Contains(slug); n++)
        {
            slug = $"{stem}-{n}";
        }

        return slug;
    }

    private static async Task<string> DescribeTargetAsync(IPortalDbContext db, MenuItem entry, CancellationToken cancellationToken) =>
        entry.TargetKind switch
        {
            MenuTargetKind.Series => "Series: " + await db.Series.Where(s => s.Id == entry.SeriesId).Select(s => s.Name).SingleAsync(cancellationToken),
            MenuTargetKind.Page => "Page: " + await db.Pages.Where(p => p.Id == entry.PageId).Select(p => p.Title).SingleAsync(cancellationToken),
            MenuTargetKind.Publication => "Publication: " + await db.Publications.Where(p => p.Id == entry.PublicationId).Select(p => p.Code).SingleAsync(cancellationToken),
            MenuTargetKind.Url => "URL: " + entry.Url,
            MenuTargetKind.Author => "Author: " + await db.Authors.Where(a => a.Id == entry.AuthorId).Select(a => a.Name).SingleAsync(cancellationToken),
            MenuTargetKind.Category => "Category: " + await db.Categories.Where(c => c.Id == entry.CategoryId).Select(c => c.Name).SingleAsync(cancellationToken),
            _ => $"Section page /{entry.Slug}",
        };
}
