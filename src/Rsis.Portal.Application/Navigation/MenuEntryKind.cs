namespace Rsis.Portal.Application.Navigation;

/// <summary>
/// Menu entries for the <see cref="ItemEditor"/>. A service rather than a single instance, because making an entry's
/// address from its title needs the site's own addresses (<see cref="IReservedAddresses"/>).
/// </summary>
public sealed class MenuEntryKind(IReservedAddresses reserved) : EditableKind<MenuItem, MenuEntryFields>
{
    public override string EntityType => nameof(MenuItem);
    public override string What => MenuWriting.What;

    public override IQueryable<MenuItem> Loading(IQueryable<MenuItem> items) => items.Include(m => m.Publication);

    public override string LabelOf(MenuItem item) => item.Title;

    /// <summary>The entry's section page; a save that moves it leaves a 301 behind.</summary>
    public override string? AddressOf(MenuItem item) => "/" + item.Slug;

    public override MenuEntryFields FieldsOf(MenuItem item) => new()
    {
        Title = item.Title,
        Slug = item.Slug,
        ParentId = item.ParentId,
        TargetKind = item.TargetKind,
        SeriesId = item.SeriesId,
        PageId = item.PageId,
        AuthorId = item.AuthorId,
        CategoryId = item.CategoryId,
        PublicationCode = item.Publication?.Code ?? "",
        Url = item.Url ?? "",
        IsVisible = item.IsVisible,
    };

    public override Task<ChangeList> ApplyAsync(IPortalDbContext db, MenuItem item, MenuEntryFields fields, CancellationToken cancellationToken) =>
        MenuWriting.ApplyAsync(db, reserved, item, fields, cancellationToken);

    public override async Task<IReadOnlyList<RevisionField>> DescribeAsync(IPortalDbContext db, MenuEntryFields fields, CancellationToken cancellationToken)
    {
        var outline = await MenuOutline.LoadAsync(db, cancellationToken);
        var opens = fields.TargetKind switch
        {
            MenuTargetKind.Series => "Series: " + await NameAsync(db.Series.Where(s => s.Id == fields.SeriesId).Select(s => s.Name), cancellationToken),
            MenuTargetKind.Page => "Page: " + await NameAsync(db.Pages.Where(p => p.Id == fields.PageId).Select(p => p.Title), cancellationToken),
            MenuTargetKind.Author => "Author: " + await NameAsync(db.Authors.Where(a => a.Id == fields.AuthorId).Select(a => a.Name), cancellationToken),
            MenuTargetKind.Category => "Category: " + await NameAsync(db.Categories.Where(c => c.Id == fields.CategoryId).Select(c => c.Name), cancellationToken),
            MenuTargetKind.Publication => "Publication: " + fields.PublicationCode,
            MenuTargetKind.Url => "URL: " + fields.Url,
            _ => $"Section page /{fields.Slug}",
        };
        return
        [
            new("Title", fields.Title),
            new("Address", "/" + fields.Slug),
            new("Under", MenuWriting.ParentLabel(outline, fields.ParentId)),
            new("Opens", opens),
            new("Visible", fields.IsVisible ? "Yes" : "No"),
        ];
    }

    protected override ICommand<bool> Update(int id, Guid concurrencyToken, MenuEntryFields fields, int? restores) =>
        new UpdateMenuEntry.UpdateMenuEntry(id, concurrencyToken, fields) { Restores = restores };

    private static async Task<string> NameAsync(IQueryable<string> name, CancellationToken cancellationToken) =>
        await name.FirstOrDefaultAsync(cancellationToken) ?? "(since deleted)";
}
