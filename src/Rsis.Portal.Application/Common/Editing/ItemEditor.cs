using FluentValidation.Results;
using Rsis.Portal.Application.Redirects;
using Rsis.Portal.Domain.Common;
using Rsis.Portal.Domain.Editing;

namespace Rsis.Portal.Application.Common.Editing;

/// <summary>
/// The one way staff changes are saved: load the item, check the form's token against it, write the fields, and in
/// the same save the audit entry (old → new), the new version, the redirect from an address that moved, and when the
/// save makes the item public the subscribers' outbox rows (<see cref="EditableKind{TItem, TFields}.OnComingOutAsync"/>). Stamps
/// (who and when on the item, a new token) are the <c>EditStamping</c> interceptor's, which sees every save; cache
/// eviction is the <c>CacheEvictionBehavior</c>'s, which sees every command. A service rather than an interceptor
/// because the audit entry and the version need what only the type knows (its labels, its fields record), and
/// rather than a pipeline behaviour because each use case still names its own type, rules and messages.
/// </summary>
public sealed class ItemEditor(IPortalDbContext db, TimeProvider clock, ICurrentUser currentUser)
{
    public const string LostTokenMessage = "This form has lost track of which version it edits. Reload the page and make the change again.";

    public const string LostDeleteTokenMessage = "This form has lost track of which version it deletes. Reload the page and try again.";

    /// <summary>Adds a new item; answers its id. Its first version and audit entry are kept with it or not at all.</summary>
    public async Task<int> CreateAsync<TItem, TFields>(EditableKind<TItem, TFields> kind, TItem item, TFields fields, CancellationToken cancellationToken)
        where TItem : class, IEdited
        where TFields : class
    {
        var now = Now;
        var changes = await kind.ApplyAsync(db, item, fields, cancellationToken);
        db.Set<TItem>().Add(item);
        if (kind.AddressOf(item) is { } address)
        {
            await MovedAddresses.ReclaimAsync(db, address, cancellationToken);
        }

        // The entry and the version name the item's id, which the first save gives it; both saves commit together.
        // Run through the provider's execution strategy, which SQL Server's retry-on-failure needs around a transaction.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            db.AuditEntries.Add(changes.ToEntry(kind.EntityType, Key(item.Id), kind.LabelOf(item), AuditAction.Created, currentUser.Name, now));
            AddVersion(kind, item, 1, "Created", await kind.ReadFieldsAsync(db, item, cancellationToken), now);
            if (kind.IsPublic(item, now))
            {
                await kind.OnComingOutAsync(db, item, now, ct);
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
        return item.Id;
    }

    /// <summary>
    /// Saves <paramref name="fields"/> over the item <paramref name="update"/> names, if the form was made from its
    /// current version; otherwise refuses, naming who saved since and when, with the typed values kept. False when
    /// there is no such item (an address made up, or an item deleted before the form was sent).
    /// </summary>
    /// <param name="kind">The edited type.</param>
    /// <param name="update">Which item, and the token the form was opened with.</param>
    /// <param name="fields">The fields to save (usually the update command itself).</param>
    /// <param name="cancellationToken">The request's.</param>
    /// <param name="alongside">
    /// What a use case adds to the save that is not one of the fields (a publication's correction note), noted in
    /// the changes; a save with only that still saves.
    /// </param>
    public async Task<bool> UpdateAsync<TItem, TFields>(
        EditableKind<TItem, TFields> kind, IUpdates update, TFields fields, CancellationToken cancellationToken,
        Action<TItem, ChangeList, EditStamp>? alongside = null)
        where TItem : class, IEdited
        where TFields : class
    {
        if (await LoadCheckedAsync(kind, update.Id, update.ConcurrencyToken, cancellationToken) is not { } item)
        {
            return false;
        }

        var now = Now;
        var before = await kind.ReadFieldsAsync(db, item, cancellationToken);
        var wasPublic = kind.IsPublic(item, now);
        var oldAddress = kind.AddressOf(item);
        var changes = await kind.ApplyAsync(db, item, fields, cancellationToken);
        alongside?.Invoke(item, changes, new EditStamp(currentUser.Name, now));
        if (changes.IsEmpty)
        {
            return true;
        }

        if (oldAddress is not null && kind.AddressOf(item) is { } newAddress && newAddress != oldAddress)
        {
            await MovedAddresses.RecordAsync(db, oldAddress, newAddress, now, cancellationToken);
        }

        db.AuditEntries.Add(changes.ToEntry(kind.EntityType, Key(item.Id), kind.LabelOf(item), AuditAction.Updated, currentUser.Name, now));
        var last = await LastVersionAsync(kind.EntityType, item.Id, cancellationToken);
        if (last == 0)
        {
            // Saved before versions were kept (the seed, or an older database): keep what it was, so the first
            // change made now can be undone too.
            AddVersion(kind, item, 1, Revisions.FirstKeptSummary, before, now);
            last = 1;
        }

        AddVersion(kind, item, last + 1, Revisions.Summarise(changes, update.Restores), await kind.ReadFieldsAsync(db, item, cancellationToken), now);
        if (!wasPublic && kind.IsPublic(item, now))
        {
            await kind.OnComingOutAsync(db, item, now, cancellationToken);
        }

        await SaveCheckedAsync(kind, item.Id, update.ConcurrencyToken, cancellationToken);
        return true;
    }

    /// <summary>
    /// Deletes the item, or moves it to the Trash when its type keeps deleted items (<see cref="ITrashable"/>).
    /// False when there is no such item; refused when the confirmation page showed an older version.
    /// </summary>
    public async Task<bool> DeleteAsync<TItem, TFields>(EditableKind<TItem, TFields> kind, IDeletes delete, CancellationToken cancellationToken)
        where TItem : class, IEdited
        where TFields : class
    {
        if (delete.ConcurrencyToken == Guid.Empty)
        {
            throw Refusal(EditConflict.PropertyName, LostDeleteTokenMessage);
        }

        var item = await FindAsync(db, kind, delete.Id, tracked: true, cancellationToken);
        if (item is null)
        {
            return false;
        }

        if (item.ConcurrencyToken != delete.ConcurrencyToken)
        {
            throw await ConflictAsync(kind, item.Id, item.ConcurrencyToken, cancellationToken);
        }

        var now = Now;
        var changes = new ChangeList();
        changes.Value(kind.LabelField, kind.LabelOf(item), null);
        changes.Value("Address", kind.AddressOf(item), null);
        await kind.OnDeletingAsync(db, item, changes, new EditStamp(currentUser.Name, now), cancellationToken);
        if (item is ITrashable trashable)
        {
            trashable.DeletedAtUtc = now;
            trashable.DeletedBy = currentUser.Name;
        }
        else
        {
            db.Set<TItem>().Remove(item);
        }

        db.AuditEntries.Add(changes.ToEntry(kind.EntityType, Key(item.Id), kind.LabelOf(item), AuditAction.Deleted, currentUser.Name, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw EditConflict.Gone(kind.What);
        }
        catch (DbUpdateException) when (kind.StillInUse(item) is { } message)
        {
            throw Refusal("", message);
        }

        return true;
    }

    /// <summary>The item with what its kind reads, or null; tracked when it is about to be changed.</summary>
    public static Task<TItem?> FindAsync<TItem, TFields>(
        IPortalDbContext db, EditableKind<TItem, TFields> kind, int id, bool tracked, CancellationToken cancellationToken)
        where TItem : class, IEdited
        where TFields : class
    {
        var items = kind.Loading(db.Set<TItem>());
        return (tracked ? items : items.AsNoTracking()).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
    }

    private async Task<TItem?> LoadCheckedAsync<TItem, TFields>(EditableKind<TItem, TFields> kind, int id, Guid token, CancellationToken cancellationToken)
        where TItem : class, IEdited
        where TFields : class
    {
        if (token == Guid.Empty)
        {
            throw Refusal(EditConflict.PropertyName, LostTokenMessage);
        }

        var item = await FindAsync(db, kind, id, tracked: true, cancellationToken);
        if (item is null)
        {
            return null;
        }

        // Compared here, and again by the database in the UPDATE (the token read now is the one the form had),
        // so a save that slips in between is caught by SaveCheckedAsync.
        if (item.ConcurrencyToken != token)
        {
            throw await ConflictAsync(kind, item.Id, item.ConcurrencyToken, cancellationToken);
        }

        return item;
    }

    private async Task SaveCheckedAsync<TItem, TFields>(EditableKind<TItem, TFields> kind, int id, Guid formToken, CancellationToken cancellationToken)
        where TItem : class, IEdited
        where TFields : class
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception)
        {
            // Someone saved between the token check and this save. The database caught it either at the UPDATE
            // (the token in its WHERE clause matched no row) or, when the new version was written first, at the
            // version number's unique index. Either way the refusal names who won, as for a stale form.
            var current = await kind.FindAsync(db, id, cancellationToken);
            if (current is null)
            {
                throw EditConflict.Gone(kind.What);
            }

            if (exception is DbUpdateConcurrencyException || current.ConcurrencyToken != formToken)
            {
                throw await ConflictAsync(kind, id, current.ConcurrencyToken, cancellationToken);
            }

            throw;
        }
    }

    /// <summary>The refusal of a stale save, naming who saved last and when (from the audit log, which every save writes).</summary>
    private async Task<ValidationException> ConflictAsync<TItem, TFields>(
        EditableKind<TItem, TFields> kind, int id, Guid currentToken, CancellationToken cancellationToken)
        where TItem : class, IEdited
        where TFields : class
    {
        var key = Key(id);
        var sharing = kind.SharesTokenWith;
        var last = await db.AuditEntries.AsNoTracking()
            .Where(e => (e.EntityType == kind.EntityType && e.EntityId == key) || sharing.Contains(e.EntityType))
            .OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id)
            .Select(e => new { e.ChangedBy, e.AtUtc })
            .FirstOrDefaultAsync(cancellationToken);
        return EditConflict.For(kind.What, last?.ChangedBy, last?.AtUtc ?? Now, currentToken);
    }

    private async Task<int> LastVersionAsync(string entityType, int id, CancellationToken cancellationToken) =>
        await db.Revisions.Where(r => r.EntityType == entityType && r.EntityId == id)
            .Select(r => (int?)r.Number).MaxAsync(cancellationToken) ?? 0;

    private void AddVersion<TItem, TFields>(EditableKind<TItem, TFields> kind, TItem item, int number, string summary, TFields fields, DateTime now)
        where TItem : class, IEdited
        where TFields : class =>
        db.Revisions.Add(new Revision
        {
            EntityType = kind.EntityType,
            EntityId = item.Id,
            Number = number,
            AtUtc = now,
            By = currentUser.Name,
            Summary = summary,
            Snapshot = Revisions.Write(fields),
        });

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static ValidationException Refusal(string property, string message) => new([new ValidationFailure(property, message)]);
}
