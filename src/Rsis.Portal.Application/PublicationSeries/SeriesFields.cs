namespace Rsis.Portal.Application.PublicationSeries;

/// <summary>What staff fill in for a series: the create and update commands derive from it, and each version stores it.</summary>
public record SeriesFields
{
    public string Name { get; init; } = "";

    /// <summary>The address segment, <c>/publications/{slug}</c>; made from the name when left empty.</summary>
    public string Slug { get; init; } = "";

    /// <summary>The letters that start the series' publication codes, such as CO; empty when it has none.</summary>
    public string CodePrefix { get; init; } = "";
    public SeriesGroup Group { get; init; }
    public string Description { get; init; } = "";

    /// <summary>The position in the menu and sidebar within its group, lowest first.</summary>
    public int? SortOrder { get; init; }
}

/// <summary>The rules of <see cref="SeriesFields"/>; messages are written for the person at the form.</summary>
public abstract class SeriesFieldsValidator<T> : AbstractValidator<T> where T : SeriesFields
{
    public const int MaxSortOrder = 10_000;

    protected SeriesFieldsValidator(IPortalDbContext db)
    {
        RuleFor(c => c.Name).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Enter the series’ name.")
            .MaximumLength(200).WithMessage("A name can be at most 200 characters.");
        RuleFor(c => c.Group).IsInEnum().WithMessage("Choose RSIS Publications or External Publications.");
        RuleFor(c => c.Description).MaximumLength(4000).WithMessage("A description can be at most 4,000 characters.");
        RuleFor(c => c.SortOrder).Must(n => n is >= 0 and <= MaxSortOrder)
            .WithMessage($"Enter the position as a whole number from 0 to {MaxSortOrder:N0}.");

        RuleFor(c => c.CodePrefix).Cascade(CascadeMode.Stop)
            .MaximumLength(10).WithMessage("A code prefix can be at most 10 letters.")
            .Matches("^[A-Za-z]*$").WithMessage("A code prefix has only letters, such as CO.")
            .MustAsync(async (c, prefix, cancellationToken) =>
            {
                var normalised = SeriesKind.NormalisePrefix(prefix);
                var id = EditedItems.IdOf(c);
                return normalised is null || !await db.Series.AnyAsync(s => s.CodePrefix == normalised && s.Id != id, cancellationToken);
            })
            .WithMessage(c => $"Another series already uses the code prefix {SeriesKind.NormalisePrefix(c.CodePrefix)}.");

        RuleFor(c => c.Slug).MustBeAFreeAddress(c => c.Name, "rsis-commentary-series",
                (slug, id, cancellationToken) => db.Series.AnyAsync(s => s.Slug == slug && s.Id != id, cancellationToken),
                PortalUrls.Series, "series")
            .When(c => !string.IsNullOrWhiteSpace(c.Name) && c.Name.Length <= 200);
    }
}

/// <summary>Series for the <see cref="ItemEditor"/>.</summary>
public sealed class SeriesKind : EditableKind<Series, SeriesFields>
{
    public static readonly SeriesKind Instance = new();

    public override string EntityType => nameof(Series);
    public override string What => "this series";
    public override string LabelField => "Name";

    /// <summary>"co " becomes "CO"; empty becomes null (no codes).</summary>
    public static string? NormalisePrefix(string? prefix) =>
        string.IsNullOrWhiteSpace(prefix) ? null : prefix.Trim().ToUpperInvariant();

    public static string GroupName(SeriesGroup group) =>
        group == SeriesGroup.ExternalPublications ? "External Publications" : "RSIS Publications";

    public override string LabelOf(Series item) => item.Name;

    public override string? AddressOf(Series item) => PortalUrls.Series(item.Slug);

    public override SeriesFields FieldsOf(Series item) => new()
    {
        Name = item.Name,
        Slug = item.Slug,
        CodePrefix = item.CodePrefix ?? "",
        Group = item.Group,
        Description = item.Description,
        SortOrder = item.SortOrder,
    };

    public override Task<ChangeList> ApplyAsync(IPortalDbContext db, Series item, SeriesFields fields, CancellationToken cancellationToken)
    {
        var isNew = item.Id == 0;
        var name = fields.Name.Trim();
        var slug = EditedItems.SlugOrFrom(fields.Slug, fields.Name);
        var prefix = NormalisePrefix(fields.CodePrefix);
        var description = EditedItems.CleanText(fields.Description);

        var changes = new ChangeList();
        changes.Value("Name", item.Name, name);
        changes.Value(EditedItems.SlugField, item.Slug, slug);
        changes.Value("Code prefix", item.CodePrefix, prefix);
        changes.Value("Group", isNew ? null : GroupName(item.Group), GroupName(fields.Group));
        changes.Value("Description", item.Description, description);
        changes.Value("Position", isNew ? null : item.SortOrder.ToString(System.Globalization.CultureInfo.InvariantCulture),
            fields.SortOrder!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));

        item.Name = name;
        item.Slug = slug;
        item.CodePrefix = prefix;
        item.Group = fields.Group;
        item.Description = description;
        item.SortOrder = fields.SortOrder.Value;
        return Task.FromResult(changes);
    }

    public override Task<IReadOnlyList<RevisionField>> DescribeAsync(IPortalDbContext db, SeriesFields fields, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RevisionField>>([
            new("Name", fields.Name),
            new("Address", PortalUrls.Series(fields.Slug)),
            new("Code prefix", fields.CodePrefix),
            new("Group", GroupName(fields.Group)),
            new("Position", fields.SortOrder?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""),
            new("Description", fields.Description, IsLongText: true),
        ]);

    public override string? StillInUse(Series item) => $"A publication has just been added to {item.Name}; move it to another series first.";

    protected override ICommand<bool> Update(int id, Guid concurrencyToken, SeriesFields fields, int? restores) =>
        new UpdateSeries.UpdateSeries(id, concurrencyToken, fields) { Restores = restores };
}
