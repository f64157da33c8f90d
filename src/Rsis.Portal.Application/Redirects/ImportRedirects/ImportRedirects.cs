namespace Rsis.Portal.Application.Redirects.ImportRedirects;

/// <summary>
/// Adds the redirects of an uploaded CSV, all or none: every row is checked as a redirect added by hand is
/// (<see cref="RedirectRules"/>), and also against the other rows (the same old address sent two places, a
/// loop through several rows). If any row is refused nothing is stored and the report lists each refusal.
/// Rows that repeat one another exactly count once. Chains collapse as elsewhere: every new redirect goes
/// straight to the end of its chain.
/// </summary>
public sealed record ImportRedirects(IReadOnlyList<RedirectCsvRow> Rows, string FileName) : ICommand<ImportReport>;

public sealed record ImportReport(int Added, int Repeated, IReadOnlyList<RedirectCsvRow> Refused)
{
    public bool Imported => Refused.Count == 0;
}

public sealed class ImportRedirectsHandler(IPortalDbContext db, IReservedAddresses reserved, TimeProvider time, ICurrentUser currentUser) : ICommandHandler<ImportRedirects, ImportReport>
{
    private const int LongestChain = 50;

    public async ValueTask<ImportReport> Handle(ImportRedirects command, CancellationToken cancellationToken)
    {
        var existing = await db.Redirects.ToDictionaryAsync(r => r.OldPath, StringComparer.Ordinal, cancellationToken);
        var refused = new List<RedirectCsvRow>();
        var wanted = new Dictionary<string, RedirectCsvRow>(StringComparer.Ordinal);
        var repeated = 0;
        foreach (var row in command.Rows)
        {
            var problem = row.Problem
                ?? (!RedirectRules.IsOldPath(row.OldPath) ? RedirectRules.OldPathFormMessage
                : !RedirectRules.IsTarget(row.Target) ? RedirectRules.TargetFormMessage
                : row.OldPath == row.Target ? "It would send the address to itself."
                : existing.ContainsKey(row.OldPath) ? $"{row.OldPath} already redirects. Delete that redirect first to change where it goes."
                : wanted.TryGetValue(row.OldPath, out var earlier)
                    ? earlier.Target == row.Target ? "" : $"Line {earlier.Line} already sends {row.OldPath} to {earlier.Target}."
                : await RedirectRules.IsLiveAsync(db, reserved, row.OldPath, cancellationToken)
                    ? $"{row.OldPath} is an address of the site that readers can open now; a redirect from it would never be used."
                : null);
            if (problem == "")
            {
                repeated++;
            }
            else if (problem is not null)
            {
                refused.Add(row with { Problem = problem });
            }
            else
            {
                wanted[row.OldPath] = row;
            }
        }

        // Where each new redirect ends up, through the file's rows and the redirects already stored.
        var ends = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in wanted.Values)
        {
            var end = row.Target;
            var seen = new HashSet<string>(StringComparer.Ordinal) { row.OldPath };
            var loops = false;
            while (true)
            {
                if (!seen.Add(end) || seen.Count > LongestChain)
                {
                    loops = true;
                    break;
                }

                if (wanted.TryGetValue(end, out var next))
                {
                    end = next.Target;
                }
                else if (existing.TryGetValue(end, out var stored))
                {
                    end = stored.Target;
                }
                else
                {
                    break;
                }
            }

            if (loops)
            {
                refused.Add(row with { Problem = $"That would make a loop: {row.Target} leads back round to {row.OldPath}." });
            }
            else
            {
                ends[row.OldPath] = end;
            }
        }

        if (refused.Count > 0)
        {
            return new ImportReport(0, repeated, refused.OrderBy(r => r.Line).ToList());
        }

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var (oldPath, end) in ends)
        {
            db.Redirects.Add(new Redirect { OldPath = oldPath, Target = end, CreatedAtUtc = now });
        }

        // Stored redirects that led to an address the file moves now lead straight on.
        foreach (var redirect in existing.Values.Where(r => ends.ContainsKey(r.Target)))
        {
            redirect.Target = ends[redirect.Target];
        }

        var changes = new ChangeList();
        changes.Value("Imported", null, $"{ends.Count:N0} redirects from {command.FileName}");
        db.AuditEntries.Add(changes.ToEntry(nameof(Redirect), "import", command.FileName, AuditAction.Created, currentUser.Name, now));
        await db.SaveChangesAsync(cancellationToken);
        return new ImportReport(ends.Count, repeated, []);
    }
}
