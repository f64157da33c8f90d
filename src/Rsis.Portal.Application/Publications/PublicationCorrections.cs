namespace Rsis.Portal.Application.Publications;

/// <summary>A public correction as readers see it: when, and what was corrected (plain text).</summary>
public sealed record Correction(DateTime AtUtc, string Note);

/// <summary>
/// Public correction notes. A save of a published publication may carry one; it is kept as its own row, shown
/// under the byline and in the metadata. One small step of the save, so it moves with the save wherever it goes.
/// </summary>
public static class PublicationCorrections
{
    /// <summary>The name of the field on the form and the command, so refusals land beside it.</summary>
    public const string NoteField = "CorrectionNote";

    /// <summary>
    /// Adds <paramref name="note"/>, if there is one, as a correction made at <paramref name="atUtc"/>, and notes
    /// it in <paramref name="changes"/> (so the audit log says so, and a save with only a note still saves).
    /// Adding the row renews the publication's token and "updated" time (the correction is part of it).
    /// </summary>
    public static void Add(IPortalDbContext db, Publication publication, string? note, DateTime atUtc, ChangeList changes)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(publication);
        ArgumentNullException.ThrowIfNull(changes);
        var text = Normalise(note);
        if (text.Length == 0)
        {
            return;
        }

        db.PublicationCorrections.Add(new PublicationCorrection { PublicationId = publication.Id, AtUtc = atUtc, Note = text });
        changes.Value("Correction", null, text);
    }

    /// <summary>
    /// The note as stored: trimmed, line breaks as "\n", other control characters dropped. It is plain text,
    /// encoded wherever it is shown, so markup in it reaches readers as the characters typed.
    /// </summary>
    public static string Normalise(string? note)
    {
        var text = (note ?? "").Trim().ReplaceLineEndings("\n");
        return string.Concat(text.Where(c => c == '\n' || !char.IsControl(c)));
    }
}

/// <summary>
/// A correction note is for a publication readers can already see, kept on the site by this save; refused beside
/// the field otherwise, and when it is too long. Its own validator, beside the publication's own rules.
/// </summary>
public sealed class PublicationCorrectionNoteValidator : AbstractValidator<UpdatePublication.UpdatePublication>
{
    public PublicationCorrectionNoteValidator(IPortalDbContext db, TimeProvider clock)
    {
        RuleFor(c => c.CorrectionNote).Cascade(CascadeMode.Stop)
            .Must(note => PublicationCorrections.Normalise(note).Length <= PublicationCorrection.MaxNoteLength)
            .WithMessage($"A correction note can be at most {PublicationCorrection.MaxNoteLength:N0} characters.")
            .MustAsync(async (command, _, cancellationToken) => await db.Publications.AsNoTracking()
                .WhereVisible(clock.GetUtcNow().UtcDateTime).AnyAsync(p => p.Id == command.Id, cancellationToken))
            .WithMessage("A correction note is for a publication readers can already see, and this one is not published yet. Save it without a note.")
            .Must((command, _) => command.Status == PublicationStatus.Published)
            .WithMessage("A correction note is shown to readers, and this save takes the publication off the site. Save it without a note.")
            .When(c => PublicationCorrections.Normalise(c.CorrectionNote).Length > 0);
    }
}
