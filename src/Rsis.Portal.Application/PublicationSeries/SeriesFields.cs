using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common.Auditing;
using Rsis.Portal.Application.Common.Editing;
using Rsis.Portal.Application.Common.Interfaces;
using Rsis.Portal.Domain.Publications;

namespace Rsis.Portal.Application.PublicationSeries;

/// <summary>What staff fill in for a series, shared by creating and updating one.</summary>
public interface ISeriesFields
{
    string Name { get; }

    /// <summary>The address segment, <c>/publications/{slug}</c>; made from the name when left empty.</summary>
    string Slug { get; }

    /// <summary>The letters that start the series' publication codes, such as CO; empty when it has none.</summary>
    string CodePrefix { get; }
    SeriesGroup Group { get; }
    string Description { get; }

    /// <summary>The position in the menu and sidebar within its group, lowest first.</summary>
    int? SortOrder { get; }
}

/// <summary>The rules of <see cref="ISeriesFields"/>; messages are written for the person at the form.</summary>
public abstract class SeriesFieldsValidator<T> : AbstractValidator<T> where T : ISeriesFields
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
                var normalised = SeriesWriting.NormalisePrefix(prefix);
                var id = EditedId(c);
                return normalised is null || !await db.Series.AnyAsync(s => s.CodePrefix == normalised && s.Id != id, cancellationToken);
            })
            .WithMessage(c => $"Another series already uses the code prefix {SeriesWriting.NormalisePrefix(c.CodePrefix)}.");

        RuleFor(c => c.Slug).Cascade(CascadeMode.Stop)
            .MaximumLength(200).WithMessage("An address can be at most 200 characters.")
            .Must((c, _) => EditedItems.SlugOrFrom(c.Slug, c.Name).Length > 0)
            .WithMessage("Enter an address with letters or digits, such as rsis-commentary-series.")
            .MustAsync(async (c, _, cancellationToken) =>
            {
                var slug = EditedItems.SlugOrFrom(c.Slug, c.Name);
                var id = EditedId(c);
                return !await db.Series.AnyAsync(s => s.Slug == slug && s.Id != id, cancellationToken);
            })
            .WithMessage(c => $"Another series already has the address /publications/{EditedItems.SlugOrFrom(c.Slug, c.Name)}. Choose another.")
            .When(c => !string.IsNullOrWhiteSpace(c.Name) && c.Name.Length <= 200);
    }

    /// <summary>The series being edited, left out of the uniqueness checks; 0 when creating one.</summary>
    protected virtual int EditedId(T command) => 0;
}

/// <summary>Writing <see cref="ISeriesFields"/> onto a series, noting each change for the audit log.</summary>
public static class SeriesWriting
{
    /// <summary>"co " becomes "CO"; empty becomes null (no codes).</summary>
    public static string? NormalisePrefix(string? prefix) =>
        string.IsNullOrWhiteSpace(prefix) ? null : prefix.Trim().ToUpperInvariant();

    public static string GroupName(SeriesGroup group) =>
        group == SeriesGroup.ExternalPublications ? "External Publications" : "RSIS Publications";

    public static ChangeList Apply(Series series, ISeriesFields fields, bool isNew)
    {
        var name = fields.Name.Trim();
        var slug = EditedItems.SlugOrFrom(fields.Slug, fields.Name);
        var prefix = NormalisePrefix(fields.CodePrefix);
        var description = fields.Description.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

        var changes = new ChangeList();
        changes.Value("Name", series.Name, name);
        changes.Value(EditedItems.SlugField, series.Slug, slug);
        changes.Value("Code prefix", series.CodePrefix, prefix);
        changes.Value("Group", isNew ? null : GroupName(series.Group), GroupName(fields.Group));
        changes.Value("Description", series.Description, description);
        changes.Value("Position", isNew ? null : series.SortOrder.ToString(System.Globalization.CultureInfo.InvariantCulture),
            fields.SortOrder!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));

        series.Name = name;
        series.Slug = slug;
        series.CodePrefix = prefix;
        series.Group = fields.Group;
        series.Description = description;
        series.SortOrder = fields.SortOrder.Value;
        return changes;
    }
}
