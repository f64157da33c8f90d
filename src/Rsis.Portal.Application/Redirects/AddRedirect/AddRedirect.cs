namespace Rsis.Portal.Application.Redirects.AddRedirect;

/// <summary>
/// A redirect staff add by hand, such as an address of the school's old site. A target that itself moved is
/// followed, so readers get one 301 to where it lives now; redirects that led to the old address now lead on.
/// </summary>
public sealed record AddRedirect : ICommand<int>
{
    public string OldPath { get; init; } = "";
    public string Target { get; init; } = "";
}

public sealed class AddRedirectValidator : AbstractValidator<AddRedirect>
{
    public AddRedirectValidator(IPortalDbContext db, IReservedAddresses reserved)
    {
        RuleFor(c => c.OldPath).Cascade(CascadeMode.Stop)
            .Must(RedirectRules.IsOldPath).WithMessage(RedirectRules.OldPathFormMessage)
            .MustAsync(async (path, ct) => !await RedirectRules.IsLiveAsync(db, reserved, path, ct))
            .WithMessage(c => $"{c.OldPath} is an address of the site that readers can open now; a redirect from it would never be used.")
            .MustAsync(async (path, ct) => !await db.Redirects.AnyAsync(r => r.OldPath == path, ct))
            .WithMessage(c => $"{c.OldPath} already redirects. Delete that redirect first to change where it goes.");

        RuleFor(c => c.Target).Cascade(CascadeMode.Stop)
            .Must(RedirectRules.IsTarget).WithMessage(RedirectRules.TargetFormMessage)
            .MustAsync(async (command, target, ct) => !await LeadsBackAsync(db, command.OldPath, target, ct))
            .WithMessage(c => $"That would make a loop: {c.Target} leads back to {c.OldPath}.");
    }

    /// <summary>Chains are kept collapsed, so one step shows whether the target leads back to the old address.</summary>
    private static async Task<bool> LeadsBackAsync(IPortalDbContext db, string oldPath, string target, CancellationToken cancellationToken) =>
        target == oldPath
        || await db.Redirects.AnyAsync(r => r.OldPath == target && r.Target == oldPath, cancellationToken);
}

public sealed class AddRedirectHandler(IPortalDbContext db, TimeProvider time, ICurrentUser currentUser) : ICommandHandler<AddRedirect, int>
{
    public async ValueTask<int> Handle(AddRedirect command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var target = await db.Redirects.Where(r => r.OldPath == command.Target).Select(r => r.Target)
            .SingleOrDefaultAsync(cancellationToken) ?? command.Target;
        await MovedAddresses.RecordAsync(db, command.OldPath, target, now, cancellationToken);
        var redirect = db.Redirects.Local.Single(r => r.OldPath == command.OldPath);

        var changes = new ChangeList();
        changes.Value(RedirectAudit.OldPathField, null, redirect.OldPath);
        changes.Value(RedirectAudit.TargetField, null, redirect.Target);
        await AuditedSave.SaveNewAsync(db, () => changes.ToEntry(
            nameof(Redirect), redirect.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), redirect.OldPath,
            AuditAction.Created, currentUser.Name, now), cancellationToken);
        return redirect.Id;
    }
}
