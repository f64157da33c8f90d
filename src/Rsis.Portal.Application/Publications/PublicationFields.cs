namespace Rsis.Portal.Application.Publications;

/// <summary>
/// What staff fill in for a publication: the one definition of its fields. The create and update commands derive
/// from it, each version stores it, and the edit form is made from it.
/// </summary>
public record PublicationFields
{
    public int SeriesId { get; init; }
    public string Code { get; init; } = "";
    public string Title { get; init; } = "";

    /// <summary>In byline order.</summary>
    public IReadOnlyList<int> AuthorIds { get; init; } = [];
    public IReadOnlyList<int> CategoryIds { get; init; } = [];
    public DateOnly? PublishedOn { get; init; }
    public PublicationStatus Status { get; init; }

    /// <summary>When set and the status is Published, readers see it only from this UTC time on.</summary>
    public DateTime? PublishAtUtc { get; init; }
    public string Synopsis { get; init; } = "";
    public string Body { get; init; } = "";
    public string AboutTheAuthors { get; init; } = "";
}

/// <summary>The rules of <see cref="PublicationFields"/>; messages are written for the person at the form.</summary>
public abstract class PublicationFieldsValidator<T> : AbstractValidator<T> where T : PublicationFields
{
    private const int MaxAuthors = PublicationKind.MaxAuthors;
    private const int MaxBodyLength = PublicationKind.MaxBodyLength;

    protected PublicationFieldsValidator(IPortalDbContext db)
    {
        RuleFor(c => c.Title).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Enter a title.")
            .MaximumLength(400).WithMessage("A title can be at most 400 characters.");

        RuleFor(c => c.Code).Cascade(CascadeMode.Stop)
            .Must(c => !string.IsNullOrWhiteSpace(c)).WithMessage("Enter a code, such as CO13046.")
            .MaximumLength(40).WithMessage("A code can be at most 40 characters.")
            .Matches("^[A-Za-z0-9-]+$").WithMessage("A code has only letters, digits and hyphens, such as CO13046.")
            .MustAsync(async (command, code, cancellationToken) =>
            {
                var normalised = PublicationKind.NormaliseCode(code);
                var id = EditedItems.IdOf(command);
                // One in the Trash keeps its code and address until it is purged: it may come back.
                return !await db.Publications.IgnoreQueryFilters().AnyAsync(p => p.Code == normalised && p.Id != id, cancellationToken);
            })
            .WithMessage(c => $"Another publication already has the code {PublicationKind.NormaliseCode(c.Code)}.");

        RuleFor(c => c.SeriesId)
            .MustAsync((id, cancellationToken) => db.Series.AnyAsync(s => s.Id == id, cancellationToken))
            .WithMessage("Choose a series.");

        RuleFor(c => c.AuthorIds).Cascade(CascadeMode.Stop)
            .Must(ids => ids.Count <= MaxAuthors).WithMessage($"A publication can have at most {MaxAuthors} authors.")
            .Must(ids => ids.Distinct().Count() == ids.Count).WithMessage("An author is listed twice.")
            .MustAsync(async (ids, cancellationToken) =>
                ids.Count == 0 || await db.Authors.CountAsync(a => ids.Contains(a.Id), cancellationToken) == ids.Count)
            .WithMessage("An author in the list no longer exists; choose again.");

        RuleFor(c => c.CategoryIds).Cascade(CascadeMode.Stop)
            .Must(ids => ids.Distinct().Count() == ids.Count).WithMessage("A category is chosen twice.")
            .MustAsync(async (ids, cancellationToken) =>
                ids.Count == 0 || await db.Categories.CountAsync(c => ids.Contains(c.Id), cancellationToken) == ids.Count)
            .WithMessage("A category in the list no longer exists; choose again.");

        RuleFor(c => c.PublishedOn).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Enter the publication date.")
            .Must(d => d!.Value.Year is >= 1900 and <= 2100).WithMessage("Enter a publication date between 1900 and 2100.");

        RuleFor(c => c.Status).IsInEnum().WithMessage("Choose Draft or Published.");

        RuleFor(c => c.Synopsis).MaximumLength(4000).WithMessage("A synopsis can be at most 4,000 characters.");
        RuleFor(c => c.AboutTheAuthors).MaximumLength(4000).WithMessage("The About the Author note can be at most 4,000 characters.");
        RuleFor(c => c.Body).Cascade(CascadeMode.Stop)
            .MaximumLength(MaxBodyLength).WithMessage($"The text can be at most {MaxBodyLength:N0} characters.")
            .Must((command, body) => command.Status != PublicationStatus.Published || !string.IsNullOrWhiteSpace(body))
            .WithMessage("A published publication needs its text; write it, or keep it as a draft.");

        // The address is made from the code and the title; two publications cannot share one.
        RuleFor(c => c.Title)
            .MustAsync(async (command, _, cancellationToken) =>
            {
                var slug = PublicationKind.SlugFor(command.Code, command.Title);
                var id = EditedItems.IdOf(command);
                return !await db.Publications.IgnoreQueryFilters().AnyAsync(p => p.Slug == slug && p.Id != id, cancellationToken);
            })
            .When(c => !string.IsNullOrWhiteSpace(c.Title) && !string.IsNullOrWhiteSpace(c.Code))
            .WithMessage("Another publication already has this code and title, and so the same address. Change the title.");
    }
}

/// <summary>Publications for the <see cref="ItemEditor"/>; a deleted publication goes to the Trash.</summary>
public sealed class PublicationKind : EditableKind<Publication, PublicationFields>
{
    public static readonly PublicationKind Instance = new();

    public const int MaxAuthors = 20;

    public override string EntityType => nameof(Publication);
    public override string What => "this publication";

    public override IQueryable<Publication> Loading(IQueryable<Publication> items) => items
        .Include(p => p.Series)
        .Include(p => p.Authors).ThenInclude(a => a.Author)
        .Include(p => p.Categories).ThenInclude(c => c.Category);

    public override string LabelOf(Publication item) => item.Code;

    public override string? AddressOf(Publication item) => PortalUrls.Publication(item.Series.Slug, item.Slug);

    public override bool IsPublic(Publication item, DateTime nowUtc) => Subscriptions.SubscriberNotices.IsPublic(item, nowUtc);

    public override Task OnComingOutAsync(IPortalDbContext db, Publication item, DateTime nowUtc, CancellationToken cancellationToken) =>
        Subscriptions.SubscriberNotices.QueueAsync(
            db, Subscriptions.SubscriberNotices.PublicationItem, item.Id, Domain.Subscriptions.SubscriptionList.Publications, item.SeriesId, nowUtc, cancellationToken);

    public override PublicationFields FieldsOf(Publication item) => new()
    {
        SeriesId = item.SeriesId,
        Code = item.Code,
        Title = item.Title,
        AuthorIds = item.Authors.OrderBy(a => a.Position).Select(a => a.AuthorId).ToList(),
        CategoryIds = item.Categories.Select(c => c.CategoryId).Order().ToList(),
        PublishedOn = item.PublishedOn,
        Status = item.Status,
        PublishAtUtc = item.PublishAtUtc,
        Synopsis = item.Synopsis,
        Body = item.Body,
        AboutTheAuthors = item.AboutTheAuthors,
    };

    public override async Task<IReadOnlyList<RevisionField>> DescribeAsync(
        IPortalDbContext db, PublicationFields fields, CancellationToken cancellationToken)
    {
        var series = await db.Series.Where(s => s.Id == fields.SeriesId).Select(s => s.Name).SingleOrDefaultAsync(cancellationToken);
        var authors = await db.Authors.Where(a => fields.AuthorIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var categories = await db.Categories.Where(c => fields.CategoryIds.Contains(c.Id)).Select(c => c.Name).ToListAsync(cancellationToken);
        var gone = fields.CategoryIds.Count - categories.Count;
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        return
        [
            new("Code", fields.Code),
            new("Title", fields.Title),
            new("Series", series ?? "(a series since deleted)"),
            new("Authors", string.Join(", ", fields.AuthorIds.Select(id => authors.GetValueOrDefault(id, "(an author since deleted)")))),
            new("Categories", string.Join(", ", categories.Order(StringComparer.Ordinal).Concat(Enumerable.Repeat("(a category since deleted)", gone)))),
            new("Published on", fields.PublishedOn?.ToString("d MMMM yyyy", invariant) ?? ""),
            new("Status", fields.Status.ToString()),
            new("Publish at (UTC)", fields.PublishAtUtc?.ToString("yyyy-MM-dd HH:mm", invariant) ?? ""),
            new("Synopsis", fields.Synopsis, IsLongText: true),
            new("Commentary", fields.Body, IsLongText: true),
            new("About the Author", fields.AboutTheAuthors, IsLongText: true),
        ];
    }

    protected override ICommand<bool> Update(int id, Guid concurrencyToken, PublicationFields fields, int? restores) =>
        new UpdatePublication.UpdatePublication(id, concurrencyToken, fields) { Restores = restores };
    public const int MaxBodyLength = 200_000;

    public static string NormaliseCode(string? code) => (code ?? "").Trim().ToUpperInvariant();

    /// <summary>"co13046-us-china-cyber-talks-…": the code keeps addresses unique, the title makes them readable.</summary>
    public static string SlugFor(string? code, string? title) => Slug.From($"{NormaliseCode(code)} {title?.Trim()}");

    /// <summary>Sets every field, replacing authors (in order) and categories. Series, authors and categories are loaded here.</summary>
    public override async Task<ChangeList> ApplyAsync(
        IPortalDbContext db, Publication publication, PublicationFields fields, CancellationToken cancellationToken)
    {
        var changes = new ChangeList();
        var series = await db.Series.SingleAsync(s => s.Id == fields.SeriesId, cancellationToken);
        var authors = await db.Authors.Where(a => fields.AuthorIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var categories = await db.Categories.Where(c => fields.CategoryIds.Contains(c.Id)).ToListAsync(cancellationToken);

        var oldAuthors = string.Join(", ", publication.Authors.OrderBy(a => a.Position).Select(a => a.Author.Name));
        var oldCategories = string.Join(", ", publication.Categories.Select(c => c.Category.Name).Order(StringComparer.Ordinal));

        changes.Value("Title", publication.Title, fields.Title.Trim());
        changes.Value("Code", publication.Code, NormaliseCode(fields.Code));
        changes.Value("Series", publication.Series?.Name, series.Name);
        changes.Value("Published on", publication.PublishedOn == default ? null : publication.PublishedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            fields.PublishedOn!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        changes.Value("Status", publication.Status.ToString(), fields.Status.ToString());
        changes.Value("Publish at (UTC)", publication.PublishAtUtc?.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            fields.PublishAtUtc?.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        changes.Value("Synopsis", publication.Synopsis, Clean(fields.Synopsis));
        changes.Text("Body", publication.Body, Clean(fields.Body));
        changes.Value("About the Author", publication.AboutTheAuthors, Clean(fields.AboutTheAuthors));

        publication.Title = fields.Title.Trim();
        publication.Code = NormaliseCode(fields.Code);
        publication.Slug = SlugFor(fields.Code, fields.Title);
        publication.Series = series;
        publication.SeriesId = series.Id;
        publication.PublishedOn = fields.PublishedOn.Value;
        publication.Status = fields.Status;
        publication.PublishAtUtc = fields.PublishAtUtc is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null;
        publication.Synopsis = Clean(fields.Synopsis);
        publication.Body = Clean(fields.Body);
        publication.AboutTheAuthors = Clean(fields.AboutTheAuthors);

        // Kept rows are updated in place, not removed and re-added: EF tracks one row per key.
        publication.Authors.RemoveAll(a => !fields.AuthorIds.Contains(a.AuthorId));
        for (var i = 0; i < fields.AuthorIds.Count; i++)
        {
            var row = publication.Authors.Find(a => a.AuthorId == fields.AuthorIds[i]);
            if (row is null)
            {
                row = new PublicationAuthor { Publication = publication, Author = authors[fields.AuthorIds[i]], AuthorId = fields.AuthorIds[i] };
                publication.Authors.Add(row);
            }

            row.Position = i + 1;
        }

        publication.Categories.RemoveAll(c => !fields.CategoryIds.Contains(c.CategoryId));
        foreach (var category in categories.Where(c => !publication.Categories.Exists(pc => pc.CategoryId == c.Id)))
        {
            publication.Categories.Add(new PublicationCategory { Publication = publication, Category = category, CategoryId = category.Id });
        }

        changes.Value("Authors", oldAuthors, string.Join(", ", fields.AuthorIds.Select(id => authors[id].Name)));
        changes.Value("Categories", oldCategories, string.Join(", ", categories.Select(c => c.Name).Order(StringComparer.Ordinal)));
        return changes;
    }

    private static string Clean(string? text) => EditedItems.CleanText(text);
}
